import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { claimSubscriptionStep, type ClaimSubscriptionInput } from "./steps/claim-subscription"

export const claimAcronisSubscriptionWorkflowId = "claim-acronis-subscription"

/**
 * Gives a run ownership of a subscription (`pending`/`failed` → `provisioning`) or says why not. Kept apart
 * from the provisioning workflow so a refused claim (a second `order.placed`, a run racing another) ends
 * quietly instead of as a failed run.
 */
export const claimAcronisSubscriptionWorkflow = createWorkflow(
  claimAcronisSubscriptionWorkflowId,
  (input: WorkflowData<ClaimSubscriptionInput>) => new WorkflowResponse(claimSubscriptionStep(input))
)
