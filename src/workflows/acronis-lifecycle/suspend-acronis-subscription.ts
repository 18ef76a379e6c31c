import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { suspendSubscriptionStep } from "./steps/suspend-subscription"

export const suspendAcronisSubscriptionWorkflowId = "suspend-acronis-subscription"

/** Staff suspend an active subscription: tenant disabled, billing stopped, grace period before deletion. */
export const suspendAcronisSubscriptionWorkflow = createWorkflow(
  suspendAcronisSubscriptionWorkflowId,
  (input: WorkflowData<{ subscription_id: string; reason?: string | null }>) => new WorkflowResponse(suspendSubscriptionStep(input))
)
