import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { isAcronisApiError } from "../../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import AcronisModuleService from "../../../../modules/acronis/service"
import { AdminGetAcronisCatalogueType } from "./validators"

const STORAGE_NAMES_MAX_AGE_MS = 10 * 60 * 1000

/** The Acronis catalogue as the root (or a given parent) tenant can hand it to a child tenant. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminGetAcronisCatalogueType>, res: MedusaResponse) {
  const acronis = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const { kind, parent_tenant_id } = req.validatedQuery as AdminGetAcronisCatalogueType
  try {
    const catalogue = await acronis.getCatalogue(kind, parent_tenant_id)
    // The admin names a storage item's location as Acronis shows it to users, not by its infra id.
    const infraIds = [...new Set(catalogue.offering_items.map((item) => item.infra_id).filter((id): id is string => !!id))]
    const infras = await acronis.getAcronisClient().infra.batch(infraIds, { maxAgeMs: STORAGE_NAMES_MAX_AGE_MS })
    res.json({ catalogue: { ...catalogue, storages: infras.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) } })
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
