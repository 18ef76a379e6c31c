import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { PrepareAcronisStaffOrderInput, prepareAcronisStaffOrderStep } from "./steps/prepare-acronis-staff-order"

export const addAcronisProductToCustomerWorkflowId = "add-acronis-product-to-customer"

/**
 * The admin's "add product to customer" (seed 000): an order an account manager places for a customer. Like
 * every staff order it waits until it is executed; the route executes it at once when asked to.
 */
export const addAcronisProductToCustomerWorkflow = createWorkflow(
  addAcronisProductToCustomerWorkflowId,
  (input: PrepareAcronisStaffOrderInput) => {
    const prepared = prepareAcronisStaffOrderStep(input)
    const orderInput = transform({ prepared }, ({ prepared }) => ({ ...prepared, status: "pending" as const }))
    const order = createOrderWorkflow.runAsStep({ input: orderInput as never })
    return new WorkflowResponse(order)
  }
)
