import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"

export type ActivateSubAccountInput = { sub_account_id: string; acronis_tenant_id: string }

type Previous = { id: string; status: "pending" | "active" | "disabled"; account_number: string | null; acronis_tenant_id: string | null; activated_at: Date | null }

export const activateSubAccountStepId = "activate-sub-account"

/**
 * Stores the Acronis tenant id and makes the sub-account `active`, with the tenant id as its account number
 * (the identifier Acronis support and the console know it by). A sub-account already active keeps its
 * `activated_at`. Compensation puts back what was there.
 */
export const activateSubAccountStep = createStep(
  activateSubAccountStepId,
  async (input: ActivateSubAccountInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    const previous = await service.retrieveResellerSubAccount(input.sub_account_id, {
      select: ["id", "status", "account_number", "acronis_tenant_id", "activated_at"],
    })
    const updated = await service.updateResellerSubAccounts({
      id: input.sub_account_id,
      status: "active",
      acronis_tenant_id: input.acronis_tenant_id,
      account_number: input.acronis_tenant_id,
      activated_at: previous.activated_at ?? new Date(),
      provisioning_error: null,
    })
    return new StepResponse(
      { id: updated.id, status: updated.status, account_number: updated.account_number, was_active: previous.status === "active" },
      previous as Previous
    )
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) return
    await container.resolve<ResellerModuleService>(RESELLER_MODULE).updateResellerSubAccounts({
      id: previous.id,
      status: previous.status,
      account_number: previous.account_number,
      acronis_tenant_id: previous.acronis_tenant_id,
      activated_at: previous.activated_at,
    })
  }
)
