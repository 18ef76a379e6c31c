import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { previewSubscriptionChangeStep, type SubscriptionChangeInput } from "./steps"

export const previewAcronisSubscriptionChangeWorkflowId = "preview-acronis-subscription-change"

/**
 * What a change would cost before it is confirmed: the months it alters, billed with and without it by the
 * statement rules (`previewSubscriptionChangeStep`). Reads only, in Medusa and in Acronis.
 */
export const previewAcronisSubscriptionChangeWorkflow = createWorkflow(
  previewAcronisSubscriptionChangeWorkflowId,
  (input: WorkflowData<SubscriptionChangeInput>) => new WorkflowResponse(previewSubscriptionChangeStep(input))
)
