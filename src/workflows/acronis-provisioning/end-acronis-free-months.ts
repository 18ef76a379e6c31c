import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { endFreeMonthsStep } from "./steps/end-free-months"

export const endAcronisFreeMonthsWorkflowId = "end-acronis-free-months"

/**
 * Switches postponed-billing plans to production once their free month is over, on the next 1st (run daily
 * by a job, so a missed day is caught up). Trial offers are left in trial.
 */
export const endAcronisFreeMonthsWorkflow = createWorkflow(
  endAcronisFreeMonthsWorkflowId,
  (input: WorkflowData<{ now: string }>) => new WorkflowResponse(endFreeMonthsStep(input))
)
