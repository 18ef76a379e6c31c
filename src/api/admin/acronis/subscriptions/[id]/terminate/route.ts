import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { terminateAcronisSubscriptionWorkflow } from "../../../../../../workflows/acronis-lifecycle"
import { subscriptionFields } from "../../query-config"

/**
 * Ends a suspended subscription now instead of at the end of its grace period: its Acronis tenant is deleted
 * with all its data. 400 with the reason when it is not suspended (an active one is suspended first).
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await terminateAcronisSubscriptionWorkflow(req.scope).run({ input: { subscription_id: req.params.id } })
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { id: req.params.id },
  })
  res.json({ subscription })
}
