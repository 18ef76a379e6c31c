import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { cancelOrderSubscriptionsStep, type CancelOrderSubscriptionsInput } from "./steps/cancel-order-subscriptions"

export const cancelAcronisOrderSubscriptionsWorkflowId = "cancel-acronis-order-subscriptions"

/**
 * `order.canceled` for Acronis: subscriptions with nothing in Acronis are `cancelled`; those with a tenant
 * have it disabled and become `suspended` (Acronis still bills stored data while a tenant is disabled).
 * Also run by the recovery job for what a cancelled order's failed or crashed runs left enabled.
 */
export const cancelAcronisOrderSubscriptionsWorkflow = createWorkflow(
  cancelAcronisOrderSubscriptionsWorkflowId,
  (input: WorkflowData<CancelOrderSubscriptionsInput>) => new WorkflowResponse(cancelOrderSubscriptionsStep(input))
)
