import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { resumeSubscriptionStep } from "./steps/resume-subscription"

export const resumeAcronisSubscriptionWorkflowId = "resume-acronis-subscription"

/** A suspended subscription, within its grace period, runs again: tenant enabled, billed from today. */
export const resumeAcronisSubscriptionWorkflow = createWorkflow(
  resumeAcronisSubscriptionWorkflowId,
  (input: WorkflowData<{ subscription_id: string }>) => new WorkflowResponse(resumeSubscriptionStep(input))
)
