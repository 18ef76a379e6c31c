import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE, type SubAccountKind } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"

export type CreateSubAccountInput = {
  reseller_id: string
  kind: SubAccountKind
  name: string
  email: string
  phone?: string | null
  address_1: string
  address_2?: string | null
  city: string
  province?: string | null
  postal_code: string
  country_code: string
  notification_customer_id: string
  metadata?: Record<string, unknown> | null
}

export const createSubAccountStepId = "create-sub-account"

/** Saves the sub-account as `pending` (no account number yet); compensation deletes it. */
export const createSubAccountStep = createStep(
  createSubAccountStepId,
  async (input: CreateSubAccountInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    const { reseller_id, ...fields } = input
    const subAccount = await service.createResellerSubAccounts({ ...fields, reseller_id, status: "pending" })
    return new StepResponse(subAccount, subAccount.id)
  },
  async (subAccountId: string | undefined, { container }) => {
    if (!subAccountId) return
    await container.resolve<ResellerModuleService>(RESELLER_MODULE).deleteResellerSubAccounts(subAccountId)
  }
)
