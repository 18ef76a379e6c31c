import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { reconcile, type Reconciliation } from "../../../modules/acronis-billing/domain/reconciliation"
import type { DraftStatement } from "../../../modules/acronis-billing/domain/statement"
import type { StatementRef } from "./find-statement"
import type { BillingSubject } from "./load-billing-subject"
import type { UsageReportForTenant } from "./fetch-usage-report"

export const createStatementStepId = "create-statement"

/**
 * Writes the issued statement with its lines and its reconciliation against Acronis's report: `matched`,
 * `mismatch` with every difference, or `unavailable` with why. Compensation deletes what it wrote.
 */
export const createStatementStep = createStep(
  createStatementStepId,
  async (input: { subject: BillingSubject; draft: DraftStatement; report: UsageReportForTenant }, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const { subject, draft, report } = input
    const monthSnapshots = subject.snapshots.filter((s) => s.day.startsWith(subject.period))
    const reconciliation: Reconciliation | { status: "unavailable"; error: string } = report.available
      ? { ...reconcile(monthSnapshots, report.rows, subject.period), report_id: report.report_id }
      : { status: "unavailable", error: report.error }

    const statement = await billing.createAcronisStatements({
      subscription_id: subject.subscription.id,
      customer_id: subject.subscription.customer_id,
      period: subject.period,
      currency_code: draft.currency_code,
      status: "issued",
      total: draft.total,
      reconciliation,
      issued_at: new Date(),
    })
    await billing.createAcronisStatementLines(
      draft.lines.map((line, position) => ({ ...line, position, statement_id: statement.id }))
    )
    const ref: StatementRef = {
        id: statement.id,
        subscription_id: statement.subscription_id,
        period: statement.period,
        currency_code: statement.currency_code,
        total: statement.total,
        status: statement.status,
        order_id: null,
        draft_order_id: null,
    }
    return new StepResponse(ref, statement.id)
  },
  async (statementId, { container }) => {
    if (!statementId) return
    await container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE).deleteAcronisStatements(statementId)
  }
)
