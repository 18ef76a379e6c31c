import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"

export type RecordSubAccountProvisioningErrorInput = { sub_account_id: string; message: string }

export const recordSubAccountProvisioningErrorStepId = "record-sub-account-provisioning-error"

/** Keeps why provisioning failed on the (still `pending`) sub-account, for the admin and the reseller. */
export const recordSubAccountProvisioningErrorStep = createStep(
  recordSubAccountProvisioningErrorStepId,
  async (input: RecordSubAccountProvisioningErrorInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    await service.updateResellerSubAccounts({ id: input.sub_account_id, provisioning_error: input.message.slice(0, 1000) })
    return new StepResponse(input)
  }
)
