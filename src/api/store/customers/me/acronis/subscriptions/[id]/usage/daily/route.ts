import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { dailyUsageView } from "../../../../../../../../admin/acronis/billing/billing-views"
import { requireOwnSubscription } from "../../own-subscription"

/** The customer's synced usage per offering item and day of the current month, for the account page's chart. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ daily_usage: await dailyUsageView(req.scope, await requireOwnSubscription(req)) })
}
