import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { reconcile, type Reconciliation } from "../../../modules/acronis-billing/domain/reconciliation"
import type { HoldReason } from "../../../modules/acronis-billing/domain/statement-status"
import type { DraftStatement } from "../../../modules/acronis-billing/domain/statement"
import type { StatementRef } from "./find-statement"
import type { BillingSubject } from "./load-billing-subject"
import type { UsageReportForTenant } from "./fetch-usage-report"

export type WriteStatementInput = {
  subject: BillingSubject
  draft: DraftStatement
  report: UsageReportForTenant
  /** Why the month must wait; null to issue it. */
  hold: HoldReason | null
  /** Staff chose to issue the month despite `hold`, which is then kept on the statement for the record. */
  release_hold?: boolean
  /** An `on_hold` statement of the same month, replaced by this one (claimed by this run first). */
  replaces: StatementRef | null
  /** The close run's token: a new statement is written claimed by it, and either is released with its final status. */
  token: string
}

export const writeStatementStepId = "write-statement"

type Written = { id: string; created: boolean; previous?: { status: string; total: string; hold_reason: unknown } }

/**
 * Writes the month's statement with its lines and its reconciliation against Acronis's report (`matched`,
 * `mismatch` with every difference, or `unavailable` with why): `issued`, or `on_hold` with the reason while
 * its usage or the report is missing. A statement on hold is rewritten by the next close run (same row, new
 * lines), so the unique (subscription, month) statement is never duplicated: of two runs that both found no
 * statement, the unique index lets one insert and the other stops with a conflict before writing a line.
 * Compensation removes what this
 * run wrote: a new statement is deleted, a rewritten one goes back on hold.
 */
export const writeStatementStep = createStep(
  writeStatementStepId,
  async (input: WriteStatementInput, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const { subject, draft, report, hold } = input
    const monthSnapshots = subject.snapshots.filter((s) => s.day.startsWith(subject.period))
    const reconciliation: Reconciliation | { status: "unavailable"; error: string } = report.available
      ? { ...reconcile(monthSnapshots, report.rows, subject.period), report_id: report.report_id }
      : { status: "unavailable", error: report.error }
    const onHold = !!hold && !input.release_hold
    const fields = {
      customer_id: subject.subscription.customer_id,
      currency_code: draft.currency_code,
      status: onHold ? ("on_hold" as const) : ("issued" as const),
      hold_reason: hold ? { ...hold, ...(input.release_hold && { released: true }), at: new Date().toISOString() } : null,
      total: draft.total,
      reconciliation,
      issued_at: onHold ? null : new Date(),
    }

    // Written as `draft` (not closed) first and given its final status last, so a crash in between leaves a
    // statement the next run computes again, never an issued one without its lines.
    let written: Written
    if (input.replaces) {
      const [previous] = await billing.listAcronisStatements({ id: input.replaces.id }, { select: ["id", "status", "total", "hold_reason"] })
      await billing.updateAcronisStatements({ id: input.replaces.id, ...fields, status: "draft", issued_at: null })
      const oldLines = await billing.listAcronisStatementLines({ statement_id: input.replaces.id }, { select: ["id"], take: null })
      if (oldLines.length) await billing.deleteAcronisStatementLines(oldLines.map((l) => l.id))
      written = { id: input.replaces.id, created: false, previous: { status: previous.status, total: previous.total, hold_reason: previous.hold_reason } }
    } else {
      const statement = await billing
        .createAcronisStatements({
          subscription_id: subject.subscription.id,
          period: subject.period,
          ...fields,
          status: "draft",
          issued_at: null,
          claim_token: input.token,
        })
        .catch(async (error) => {
          const [other] = await billing.listAcronisStatements({ subscription_id: subject.subscription.id, period: subject.period }, { select: ["id"] })
          if (!other) throw error
          throw new MedusaError(MedusaError.Types.CONFLICT, `Acronis statement ${other.id} is being closed by another run`)
        })
      // Stamps the claim with the database's time.
      await billing.claimStatement(statement.id, input.token, ["draft"])
      written = { id: statement.id, created: true }
    }
    await billing.createAcronisStatementLines(draft.lines.map((line, position) => ({ ...line, position, statement_id: written.id })))
    await billing.updateAcronisStatements({ id: written.id, status: fields.status, issued_at: fields.issued_at, claim_token: null, claimed_at: null })

    const ref: StatementRef = {
      id: written.id,
      subscription_id: subject.subscription.id,
      period: subject.period,
      currency_code: draft.currency_code,
      total: draft.total,
      status: fields.status,
      order_id: null,
      draft_order_id: null,
    }
    return new StepResponse(ref, written)
  },
  async (written, { container }) => {
    if (!written) return
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    if (written.created) {
      await billing.deleteAcronisStatements(written.id)
      return
    }
    const lines = await billing.listAcronisStatementLines({ statement_id: written.id }, { select: ["id"], take: null })
    if (lines.length) await billing.deleteAcronisStatementLines(lines.map((l) => l.id))
    await billing.updateAcronisStatements({
      id: written.id,
      status: "on_hold",
      claim_token: null,
      claimed_at: null,
      total: written.previous!.total,
      hold_reason: written.previous!.hold_reason as Record<string, unknown>,
      issued_at: null,
    })
  }
)
