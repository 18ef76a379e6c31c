import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { isAcronisApiError, type OfferingItemUpdate } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"

export type MoveTenantStorageInput = { tenant_id: string; turn_off: OfferingItemUpdate[]; turn_on: OfferingItemUpdate[] }

export const moveTenantStorageStepId = "move-tenant-storage"

/**
 * Moves the tenant's storage in one `PUT …/offering_items`: the items on the old storage off, the same items
 * on the new one on (a customer tenant holds one storage, checked on the state after the request). With
 * `check_usage`, so Acronis itself refuses if data arrived since the usage was read: that refusal is a 400
 * naming `data_location`. Compensated by the reverse PUT when the record after it fails.
 */
export const moveTenantStorageStep = createStep(
  moveTenantStorageStepId,
  async (input: MoveTenantStorageInput, { container }) => {
    if (!input.turn_on.length && !input.turn_off.length) return new StepResponse(null, null)
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    try {
      await client.offeringItems.update(input.tenant_id, [...input.turn_off, ...input.turn_on], { checkUsage: true })
    } catch (error) {
      if (isAcronisApiError(error) && error.status === 400) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `data_location: Acronis refused to move the tenant's storage: ${error.message}`)
      }
      throw error
    }
    return new StepResponse(input, input)
  },
  async (moved, { container }) => {
    if (!moved) return
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    // Back where it was: the old items on with their quotas (disabled, they have no version to match), the new off.
    await client.offeringItems.update(
      moved.tenant_id,
      [
        ...moved.turn_on.map(({ quota: _quota, ...item }) => ({ ...item, status: 0 as const })),
        ...moved.turn_off.map((item) => {
          const before = moved.turn_on.find((on) => on.name === item.name)
          return { ...item, status: 1 as const, ...(before?.quota && { quota: before.quota }) }
        }),
      ],
      { checkUsage: true }
    )
  }
)
