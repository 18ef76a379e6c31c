import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionFields } from "../../query-config"
import { confirmSubscriptionChange, subscriptionChangesView } from "../../subscription-changes"
import type { AcronisSubscriptionChangeType } from "../../validators"

/** The subscription's terms today, the changes scheduled, and every change so far. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await subscriptionChangesView(req.scope, req.params.id))
}

/**
 * Confirms a change of a live subscription's terms (licensing model, contract tier, seats, billing
 * interval): at once or from the next fee period, by the rules of `term-history.ts`. 400 with the reason
 * when the subscription's status or offer does not allow it; asking again for the same terms changes
 * nothing (`outcome: "unchanged"`).
 */
export async function POST(req: AuthenticatedMedusaRequest<AcronisSubscriptionChangeType>, res: MedusaResponse) {
  const result = await confirmSubscriptionChange(req.scope, req.params.id, req.validatedBody, "admin")
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { id: req.params.id },
  })
  res.json({ ...result, subscription })
}
