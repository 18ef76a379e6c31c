import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { movablePlanOrderOf, offeredLocation, planDataLocationMove, type DataLocationMove } from "../../../modules/acronis/domain/data-location"

export type DataLocationChangeInput = { subscription_id: string; data_location: string }

export type PreparedDataLocationChange = DataLocationMove & {
  subscription_id: string
  tenant_id: string
  attempt: number
}

export const prepareDataLocationChangeStepId = "prepare-data-location-change"

/**
 * Decides a move of a cloud plan's data location (`planDataLocationMove`), all from Acronis as it is now: the
 * storages the plan's parent offers (as checkout validates them), the tenant's offering items and its usage.
 * Refused with a 400 naming `data_location`, before any write, when the tenant stores anything where it is.
 * Reads only; nothing to compensate.
 */
export const prepareDataLocationChangeStep = createStep(
  prepareDataLocationChangeStepId,
  async (input: DataLocationChangeInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    // No read of Acronis for a subscription whose data location cannot move.
    movablePlanOrderOf(subscription)
    const offer = await acronis.retrieveAcronisOffer(subscription.offer_id)
    const itemNames = ((offer.offering_items ?? []) as unknown as { name: string }[]).map((item) => item.name)
    const client = acronis.getAcronisClient()
    const tenantId = subscription.tenant_id!
    // A storage the plan cannot use is refused before the tenant is read.
    const locations = await acronis.getDataLocations(offer.parent_tenant_id, itemNames)
    offeredLocation(locations, input.data_location)
    const [tenantItems, usages] = await Promise.all([client.offeringItems.list(tenantId), client.usages.listForTenant(tenantId)])
    const move = planDataLocationMove({ subscription, requested: input.data_location, locations, tenant_items: tenantItems, usages })
    return new StepResponse<PreparedDataLocationChange>({ ...move, subscription_id: subscription.id, tenant_id: tenantId, attempt: subscription.attempts })
  }
)
