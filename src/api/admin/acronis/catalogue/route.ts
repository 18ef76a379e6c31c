import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isAcronisApiError } from "../../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import AcronisModuleService from "../../../../modules/acronis/service"
import { AdminGetAcronisCatalogueType } from "./validators"

/** The Acronis catalogue as the root (or a given parent) tenant can hand it to a child tenant. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetAcronisCatalogueType>, res: MedusaResponse) {
  const acronis = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const { kind, parent_tenant_id } = req.validatedQuery as AdminGetAcronisCatalogueType
  try {
    res.json({ catalogue: await acronis.getCatalogue(kind, parent_tenant_id) })
  } catch (error) {
    // Acronis answers 404 for an unknown tenant and 403 for one outside this API client's tree: the id is wrong.
    if (parent_tenant_id && isAcronisApiError(error) && (error.status === 404 || error.status === 403)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `parent_tenant_id: Acronis has no tenant ${parent_tenant_id} that this API client can manage`
      )
    }
    throw error
  }
}
