import { createRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../modules/reseller"
import { createResellerStep } from "./steps/create-reseller"
import { validateResellerCustomerStep } from "./steps/validate-reseller-customer"

export type CreateResellerWorkflowInput = {
  /** The Medusa customer who acts for the reseller in the store (its first user). */
  customer_id: string
  name: string
  metadata?: Record<string, unknown> | null
}

export const createResellerWorkflowId = "create-reseller"

/**
 * Makes a customer a reseller: saves the reseller and links the customer to it, so the customer can create
 * sub-accounts in the store. A customer acts for at most one reseller. The Acronis partner tenant is not
 * created here but with the first sub-account, so a reseller that never sells costs nothing in Acronis.
 */
export const createResellerWorkflow = createWorkflow(
  createResellerWorkflowId,
  (input: WorkflowData<CreateResellerWorkflowInput>) => {
    validateResellerCustomerStep({ customer_id: input.customer_id })
    const reseller = createResellerStep({ name: input.name, metadata: input.metadata })
    const links = transform({ reseller, input }, ({ reseller, input }) => [
      { [RESELLER_MODULE]: { reseller_id: reseller.id }, [Modules.CUSTOMER]: { customer_id: input.customer_id } },
    ])
    createRemoteLinkStep(links)
    return new WorkflowResponse(reseller)
  }
)
