import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { statementsView } from "../../../../../../../admin/acronis/billing/billing-views"
import { requireOwnSubscription } from "../own-subscription"

/** The customer's past statements for one of their subscriptions, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ statements: await statementsView(req.scope, await requireOwnSubscription(req)) })
}
