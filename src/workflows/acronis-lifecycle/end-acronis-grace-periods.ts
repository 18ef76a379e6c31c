import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { endGracePeriodsStep } from "./steps/end-grace-periods"

export const endAcronisGracePeriodsWorkflowId = "end-acronis-grace-periods"

/** Suspended subscriptions near or past their grace period: data-loss warning, then tenant deletion. */
export const endAcronisGracePeriodsWorkflow = createWorkflow(
  endAcronisGracePeriodsWorkflowId,
  (input: WorkflowData<{ now: string }>) => new WorkflowResponse(endGracePeriodsStep(input))
)
