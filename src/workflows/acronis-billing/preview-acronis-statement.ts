import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { computeStatementStep, loadBillingSubjectStep } from "./steps"

export type PreviewAcronisStatementWorkflowInput = {
  subscription_id: string
  period: string
  /** Last day counted; for the current month, today. */
  as_of?: string
}

export const previewAcronisStatementWorkflowId = "preview-acronis-statement"

/**
 * What the close would bill for a subscription and month, from the snapshots synced so far. Reads only:
 * nothing is written, in Medusa or in Acronis (no report is requested). Used for the current month's
 * estimate and the admin's dry run.
 */
export const previewAcronisStatementWorkflow = createWorkflow(
  previewAcronisStatementWorkflowId,
  (input: PreviewAcronisStatementWorkflowInput) => {
    const subject = loadBillingSubjectStep({ subscription_id: input.subscription_id, period: input.period })
    const draft = computeStatementStep({ subject, as_of: input.as_of })
    return new WorkflowResponse(
      transform({ draft, subject }, ({ draft, subject }) => ({ subscription_id: subject.subscription.id, ...draft }))
    )
  }
)
