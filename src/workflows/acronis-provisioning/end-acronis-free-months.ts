import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { endFreeMonthsStep } from "./steps/end-free-months"

export const endAcronisFreeMonthsWorkflowId = "end-acronis-free-months"

/** Switches first-month-free plans to production once their free month is over (run daily by a job). */
export const endAcronisFreeMonthsWorkflow = createWorkflow(
  endAcronisFreeMonthsWorkflowId,
  (input: WorkflowData<{ now: string }>) => new WorkflowResponse(endFreeMonthsStep(input))
)
