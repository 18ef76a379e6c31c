import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewSubscriptionChange } from "../../../../../../../../admin/acronis/subscriptions/subscription-changes"
import type { StoreAcronisSubscriptionChangeType } from "../../../validators"
import { requireOwnSubscription } from "../../own-subscription"

/** What a change of the customer's own subscription would cost, before confirming it. Writes nothing. */
export async function POST(req: AuthenticatedMedusaRequest<StoreAcronisSubscriptionChangeType>, res: MedusaResponse) {
  res.json({ preview: await previewSubscriptionChange(req.scope, await requireOwnSubscription(req), req.validatedBody, "customer") })
}
