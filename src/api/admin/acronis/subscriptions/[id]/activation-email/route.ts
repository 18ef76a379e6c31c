import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { resendAcronisActivationEmailWorkflow } from "../../../../../../workflows/acronis-provisioning"

/**
 * `POST /admin/acronis/subscriptions/:id/activation-email`: Acronis e-mails the admin user's activation link
 * again, unless the user has activated (`sent: false`). For the warning on an unconfirmed e-mail.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { result } = await resendAcronisActivationEmailWorkflow(req.scope).run({ input: { subscription_id: req.params.id } })
  res.json(result)
}
