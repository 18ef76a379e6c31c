import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../modules/acronis"
import { normalizePlanTerms } from "../modules/acronis/domain/plan-terms"
import type { StoreDataLocation } from "../modules/acronis/domain/store-offer-view"
import type AcronisModuleService from "../modules/acronis/service"

type PlanOffer = { type: string; plan?: unknown; parent_tenant_id?: string | null; offering_items?: unknown }

/**
 * A cloud plan's data locations, live from Acronis (cached briefly by the module). While Acronis cannot be
 * reached the form shows none, and checkout refuses the order until it can: the product page still loads.
 */
export async function planDataLocationsOf(scope: MedusaContainer, offer: PlanOffer): Promise<StoreDataLocation[]> {
  if (offer.type !== "plan" || !normalizePlanTerms(offer.plan).deployments.includes("cloud")) {
    return []
  }
  const items = ((offer.offering_items ?? []) as { name: string }[]).map((item) => item.name)
  try {
    const locations = await scope.resolve<AcronisModuleService>(ACRONIS_MODULE).getDataLocations(offer.parent_tenant_id, items)
    return locations.map(({ id, name }) => ({ id, name }))
  } catch (error) {
    scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Acronis data locations unavailable: ${(error as Error).message}`)
    return []
  }
}
