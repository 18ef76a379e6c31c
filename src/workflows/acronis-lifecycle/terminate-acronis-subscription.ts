import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { terminateSubscriptionStep } from "./steps/terminate-subscription"

export const terminateAcronisSubscriptionWorkflowId = "terminate-acronis-subscription"

/** A suspended subscription ends now instead of at the end of its grace period: its tenant is deleted. */
export const terminateAcronisSubscriptionWorkflow = createWorkflow(
  terminateAcronisSubscriptionWorkflowId,
  (input: WorkflowData<{ subscription_id: string }>) => new WorkflowResponse(terminateSubscriptionStep(input))
)
