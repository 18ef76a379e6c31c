import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../../../../modules/acronis"
import type AcronisModuleService from "../../../../../../../modules/acronis/service"
import { dailyUsageView } from "../../../../billing/billing-views"
import type { AdminGetAcronisUsageType } from "../../../../billing/validators"

/** A subscription's synced usage per offering item and day of a month (the current one by default), for the admin's chart. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetAcronisUsageType>, res: MedusaResponse) {
  await req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE).retrieveAcronisSubscription(req.params.id)
  res.json({ daily_usage: await dailyUsageView(req.scope, req.params.id, req.validatedQuery?.period) })
}
