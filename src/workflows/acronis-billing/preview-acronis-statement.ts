import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { holdReasonFor } from "../../modules/acronis-billing/domain/statement-status"
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
 * estimate and the admin's dry run. `hold` is why the close would keep the statement on hold for its usage
 * (null when synced far enough); whether Acronis's report is there is only known when the month is closed.
 */
export const previewAcronisStatementWorkflow = createWorkflow(
  previewAcronisStatementWorkflowId,
  (input: PreviewAcronisStatementWorkflowInput) => {
    const subject = loadBillingSubjectStep({ subscription_id: input.subscription_id, period: input.period })
    const draft = computeStatementStep({ subject, as_of: input.as_of })
    return new WorkflowResponse(
      transform({ draft, subject }, ({ draft, subject }) => ({
        subscription_id: subject.subscription.id,
        // Who and what, for the admin's dry run to name.
        service_name: subject.subscription.service_name,
        customer_id: subject.subscription.customer_id,
        email: subject.subscription.email,
        ...draft,
        hold: holdReasonFor({
          last_billed_day: draft.last_billed_day,
          last_synced_at: subject.last_synced_at,
          snapshot_days: subject.snapshots.filter((s) => s.day.startsWith(subject.period)).map((s) => s.day),
          report: { available: true },
        }),
      }))
    )
  }
)
