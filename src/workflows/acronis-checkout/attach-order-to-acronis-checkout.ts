import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { attachOrderToCheckoutRecordsStep } from "./steps"

export const attachOrderToAcronisCheckoutWorkflowId = "attach-order-to-acronis-checkout"

/** On `order.placed`: the cart's terms consent and login reservation now belong to the order. */
export const attachOrderToAcronisCheckoutWorkflow = createWorkflow(
  attachOrderToAcronisCheckoutWorkflowId,
  (input: { order_id: string }) => {
    // Core's order ↔ cart link, written by `completeCartWorkflow`; staff orders have none.
    const { data: orderCarts } = useQueryGraphStep({
      entity: "order_cart",
      fields: ["cart_id"],
      filters: { order_id: input.order_id },
    })
    const attachInput = transform({ orderCarts, input }, ({ orderCarts, input }) => ({
      order_id: input.order_id,
      cart_id: ((orderCarts[0] as { cart_id?: string } | undefined)?.cart_id ?? null) as string | null,
    }))
    return new WorkflowResponse(attachOrderToCheckoutRecordsStep(attachInput))
  }
)
