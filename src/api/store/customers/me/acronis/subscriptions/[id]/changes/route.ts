import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { confirmSubscriptionChange, subscriptionChangesView } from "../../../../../../../admin/acronis/subscriptions/subscription-changes"
import { storeSubscriptionFields } from "../../query-config"
import type { StoreAcronisSubscriptionChangeType } from "../../validators"
import { requireOwnSubscription } from "../own-subscription"

/** The customer's subscription's terms today, what is scheduled, and every change so far. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json(await subscriptionChangesView(req.scope, await requireOwnSubscription(req)))
}

/** The customer (or its reseller) confirms a change of its own subscription; same rules as staff. */
export async function POST(req: AuthenticatedMedusaRequest<StoreAcronisSubscriptionChangeType>, res: MedusaResponse) {
  const id = await requireOwnSubscription(req)
  const result = await confirmSubscriptionChange(req.scope, id, req.validatedBody, "customer")
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: storeSubscriptionFields,
    filters: { id },
  })
  res.json({ ...result, subscription })
}
