import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resumeAcronisSubscriptionWorkflow } from "../../../../../../workflows/acronis-lifecycle"
import { subscriptionFields } from "../../query-config"

/**
 * Resumes a suspended subscription within its grace period: tenant enabled, billed again from today. 400 with
 * the reason when it is not suspended (a terminated one's tenant is gone).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await resumeAcronisSubscriptionWorkflow(req.scope).run({ input: { subscription_id: req.params.id } })
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { id: req.params.id },
  })
  res.json({ subscription })
}
