import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { ResellerEvents } from "../../modules/reseller/events"
import { createSubAccountStep, type CreateSubAccountInput } from "./steps/create-sub-account"
import { validateSubAccountContactStep } from "./steps/validate-sub-account-contact"

export type CreateSubAccountWorkflowInput = CreateSubAccountInput

export const createSubAccountWorkflowId = "create-sub-account"

/**
 * Saves a reseller's new sub-account as `pending` (account number "PENDING") and emits
 * `reseller.sub_account.created`; the `provision-sub-account` subscriber then creates its Acronis tenant in
 * the background (`provisionSubAccountWorkflow`), as seed 003 describes ("Allow up to an hour").
 * The event is released only if the workflow succeeds.
 */
export const createSubAccountWorkflow = createWorkflow(
  createSubAccountWorkflowId,
  (input: WorkflowData<CreateSubAccountWorkflowInput>) => {
    validateSubAccountContactStep({ reseller_id: input.reseller_id, notification_customer_id: input.notification_customer_id })
    const subAccount = createSubAccountStep(input)
    const data = transform({ subAccount }, ({ subAccount }) => ({ id: subAccount.id, reseller_id: subAccount.reseller_id }))
    emitEventStep({ eventName: ResellerEvents.SUB_ACCOUNT_CREATED, data })
    return new WorkflowResponse(subAccount)
  }
)
