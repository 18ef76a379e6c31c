import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"

export type SetResellerTenantInput = { reseller_id: string; acronis_tenant_id: string }

export const setResellerTenantStepId = "set-reseller-tenant"

/**
 * Stores the reseller's Acronis partner tenant id as soon as it is known. Not compensated: the tenant is
 * kept when a later step fails (see `findOrCreateTenantStep`), so its id stays true.
 */
export const setResellerTenantStep = createStep(
  setResellerTenantStepId,
  async (input: SetResellerTenantInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    const reseller = await service.retrieveReseller(input.reseller_id, { select: ["id", "acronis_tenant_id"] })
    if (reseller.acronis_tenant_id !== input.acronis_tenant_id) {
      await service.updateResellers({ id: input.reseller_id, acronis_tenant_id: input.acronis_tenant_id })
    }
    return new StepResponse(input)
  }
)
