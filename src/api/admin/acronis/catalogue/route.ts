import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import AcronisModuleService from "../../../../modules/acronis/service"
import { AdminGetAcronisCatalogueType } from "./validators"

/** The Acronis catalogue as the root (or a given parent) tenant can hand it to a child tenant. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetAcronisCatalogueType>, res: MedusaResponse) {
  const acronis = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const { kind, parent_tenant_id } = req.validatedQuery as AdminGetAcronisCatalogueType
  res.json({ catalogue: await acronis.getCatalogue(kind, parent_tenant_id) })
}
