import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../../../modules/acronis"
import type AcronisModuleService from "../../../../../../modules/acronis/service"
import { statementsView } from "../../../billing/billing-views"

/** Any subscription's statements, newest month first, with lines, reconciliation and order. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE).retrieveAcronisSubscription(req.params.id)
  res.json({ statements: await statementsView(req.scope, req.params.id) })
}
