import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retryAcronisSubscriptionWorkflow } from "../../../../../../workflows/acronis-provisioning"
import { subscriptionFields } from "../../query-config"

/**
 * Resumes a failed subscription: 202 with the subscription while the run proceeds in the background (poll
 * `GET /admin/acronis/subscriptions/:id`); 400 with the reason when it is not retryable.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await retryAcronisSubscriptionWorkflow(req.scope).run({ input: { subscription_id: req.params.id } })
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { id: req.params.id },
  })
  res.status(202).json({ subscription })
}
