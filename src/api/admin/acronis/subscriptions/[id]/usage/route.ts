import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../../../modules/acronis"
import type AcronisModuleService from "../../../../../../modules/acronis/service"
import { usageView } from "../../../billing/billing-views"
import type { AdminGetAcronisUsageType } from "../../../billing/validators"

/** Any subscription's usage and estimated charges for a month (the current one by default). */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetAcronisUsageType>, res: MedusaResponse) {
  await req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE).retrieveAcronisSubscription(req.params.id)
  res.json({ usage: await usageView(req.scope, req.params.id, req.validatedQuery?.period) })
}
