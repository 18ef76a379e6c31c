import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { suspendAcronisSubscriptionWorkflow } from "../../../../../../workflows/acronis-lifecycle"
import { subscriptionFields } from "../../query-config"
import type { AdminSuspendAcronisSubscriptionType } from "../../validators"

/**
 * Suspends an active subscription: its tenant is disabled, billing stops, and its tenant is deleted after the
 * grace period unless it is resumed. 400 with the reason when the subscription is not active.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminSuspendAcronisSubscriptionType>, res: MedusaResponse) {
  await suspendAcronisSubscriptionWorkflow(req.scope).run({ input: { subscription_id: req.params.id, reason: req.validatedBody.reason } })
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { id: req.params.id },
  })
  res.json({ subscription })
}
