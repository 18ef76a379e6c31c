import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { cancelOrderSubscriptionsStep } from "./steps/cancel-order-subscriptions"

export const cancelAcronisOrderSubscriptionsWorkflowId = "cancel-acronis-order-subscriptions"

/**
 * `order.canceled` for Acronis: subscriptions with nothing in Acronis are `cancelled`; those with a tenant
 * have it disabled and become `suspended` (Acronis still bills stored data while a tenant is disabled).
 */
export const cancelAcronisOrderSubscriptionsWorkflow = createWorkflow(
  cancelAcronisOrderSubscriptionsWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => new WorkflowResponse(cancelOrderSubscriptionsStep(input))
)
