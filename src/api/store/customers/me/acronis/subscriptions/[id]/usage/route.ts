import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { usageView } from "../../../../../../../admin/acronis/billing/billing-views"
import { requireOwnSubscription } from "../own-subscription"

/** The customer's current-month usage and estimated charges, with when it was last synced. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ usage: await usageView(req.scope, await requireOwnSubscription(req)) })
}
