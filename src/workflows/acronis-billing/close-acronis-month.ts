import {
  acquireLockStep,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents } from "../../modules/acronis/events"
import { holdReasonFor, isClosed } from "../../modules/acronis-billing/domain/statement-status"
import type { BillingOrderMode } from "../../modules/acronis-billing/service"
import {
  claimStatementBillingStep,
  claimStatementWriteStep,
  computeStatementStep,
  createCloseTokenStep,
  fetchUsageReportStep,
  findBillingOrderStep,
  findStatementStep,
  loadBillingSubjectStep,
  prepareBillingOrderStep,
  recordStatementOrderStep,
  validateClosablePeriodStep,
  validateEarlierMonthsClosedStep,
  validateMonthServedStep,
  writeStatementStep,
  type StatementRef,
  type UsageReportForTenant,
} from "./steps"
import { statementIssuedPayload } from "./statement-email"

export type CloseAcronisMonthWorkflowInput = {
  subscription_id: string
  /** The closed calendar month, YYYY-MM (UTC). */
  period: string
  /** Overrides the `billingOrderMode` plugin option. */
  order_mode?: BillingOrderMode
  /**
   * False when the caller already asked Acronis for the month's usage report in this run (see
   * `ensureMonthUsageReport`); `report_error` is then why there is none.
   */
  fetch_report?: boolean
  report_error?: string | null
  /** The tenant's part of the month's report, read once by a caller that closes many statements (`usageReportByTenant`). */
  usage_report?: UsageReportForTenant | null
  /** Staff issue a statement that would be on hold (missing usage or report); the reason stays on it. */
  release_hold?: boolean
}

export const closeAcronisMonthWorkflowId = "close-acronis-month"

/**
 * Closes one subscription's month: computes its statement from the synced snapshots of the days its service
 * ran, checks them against Acronis's `usage_summary` report (a mismatch is flagged on the statement), and
 * issues it (e-mail) and turns it into a Medusa order or draft order — or, while its usage has not synced
 * up to the month's last billed day or the report is not ready, keeps it `on_hold` with the reason for the
 * next run to try again.
 *
 * Once per (subscription, month): a lock serialises concurrent runs, but the database decides, as a lock
 * can expire while its holder still works: a statement is written only by the run that inserted it or
 * claimed it (see `claimStatement`), and billed only by the run that claimed it issued. An issued statement
 * is never computed again, and the order is looked up by statement id before one is created, so a second
 * run — or a run after a crash between the order and its record — bills nothing twice.
 */
export const closeAcronisMonthWorkflow = createWorkflow(closeAcronisMonthWorkflowId, (input: CloseAcronisMonthWorkflowInput) => {
  validateClosablePeriodStep({ period: input.period })
  const lockKey = transform({ input }, ({ input }) => `acronis-close:${input.subscription_id}:${input.period}`)
  const token = createCloseTokenStep()
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 300, ownerId: token })

  validateEarlierMonthsClosedStep({ subscription_id: input.subscription_id, period: input.period })
  const existing = findStatementStep({ subscription_id: input.subscription_id, period: input.period })
  const subject = loadBillingSubjectStep({ subscription_id: input.subscription_id, period: input.period })
  validateMonthServedStep({ subject })

  // A statement on hold (or left as a draft) is rewritten by one run only; a new one is claimed as it is inserted.
  when("statement-to-rewrite", { existing }, ({ existing }) => !!existing && !isClosed(existing.status)).then(() => {
    claimStatementWriteStep({ statement_id: transform({ existing }, ({ existing }) => existing!.id), token })
  })
  const written = when("statement-due", { existing }, ({ existing }) => !existing || !isClosed(existing.status)).then(() => {
    const draft = computeStatementStep({ subject })
    const report = fetchUsageReportStep({
      period: input.period,
      tenant_id: subject.subscription.tenant_id,
      fetch: input.fetch_report,
      report_error: input.report_error,
      known: input.usage_report,
    })
    const hold = transform({ draft, subject, report }, ({ draft, subject, report }) =>
      holdReasonFor({
        last_billed_day: draft.last_billed_day,
        last_synced_at: subject.last_synced_at,
        snapshot_days: subject.snapshots.filter((s) => s.day.startsWith(subject.period)).map((s) => s.day),
        report,
      })
    )
    const statement = writeStatementStep({ subject, draft, report, hold, release_hold: input.release_hold, replaces: existing, token })
    return transform({ statement, existing, draft, subject }, ({ statement, existing, draft, subject }) => {
      const issued = statementIssuedPayload({ ...statement, currency_code: draft.currency_code, total: draft.total }, draft.lines, subject)
      return { statement, created: !existing, issued }
    })
  })
  // Workflow conditions do not nest: each `when` below stands on its own.
  // A statement with nothing on it (a month with no service day) is not e-mailed.
  when("statement-issued", { written }, ({ written }) => written?.statement.status === "issued" && written.issued.lines.length > 0).then(() => {
    emitEventStep({ eventName: AcronisEvents.STATEMENT_ISSUED, data: transform({ written }, ({ written }) => written!.issued) })
  })
  const statement = transform({ existing, written }, ({ existing, written }) => (written?.statement ?? existing) as StatementRef)

  const billable = transform({ statement }, ({ statement }) =>
    statement.status === "issued" && !statement.order_id && !statement.draft_order_id && Number(statement.total) > 0
  )
  const claim = when("statement-billable", { billable }, ({ billable }) => billable).then(() =>
    claimStatementBillingStep({ statement_id: statement.id, token })
  )
  // Only the run that claimed the statement looks for its order and makes it; another leaves it to that run.
  const found = when("statement-claimed-for-billing", { claim }, ({ claim }) => !!claim?.won && claim.order_may_exist).then(() =>
    findBillingOrderStep({ statement_id: statement.id })
  )
  const created = when("no-billing-order-yet", { claim, found }, ({ claim, found }) => !!claim?.won && !found).then(() => {
    const plan = prepareBillingOrderStep({ statement, subject, mode: input.order_mode })
    const order = createOrderWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.order) })
    return transform({ plan, order }, ({ plan, order }) => ({ mode: plan.mode, amount: plan.amount, order_id: order.id, issued: plan.issued }))
  })
  // A run that stopped after issuing the statement and before its e-mail: the e-mail goes now (its key keeps
  // it to one).
  when("statement-issued-earlier", { written, created }, ({ written, created }) => !written && !!created).then(() => {
    emitEventStep({ eventName: AcronisEvents.STATEMENT_ISSUED, data: transform({ created }, ({ created }) => created!.issued) }).config({
      name: "emit-statement-issued-late",
    })
  })
  // An order (not a draft) gets its payment collection, also one a crashed run made without it.
  const collection = transform({ created, found, statement }, ({ created, found, statement }) =>
    created?.mode === "order"
      ? { order_id: created.order_id, amount: created.amount }
      : found && !found.is_draft_order && !found.has_payment_collection
        ? { order_id: found.id, amount: Number(statement.total) }
        : null
  )
  when("billed-as-order", { collection }, ({ collection }) => !!collection).then(() => {
    createOrderPaymentCollectionWorkflow.runAsStep({ input: transform({ collection }, ({ collection }) => collection!) })
  })
  const billed = transform({ found, created }, ({ found, created }) =>
    created ?? (found ? { mode: found.is_draft_order ? ("draft_order" as const) : ("order" as const), order_id: found.id } : null)
  )
  when("statement-order-known", { billed }, ({ billed }) => !!billed).then(() => {
    recordStatementOrderStep(
      transform({ billed, statement }, ({ billed, statement }) => ({ statement_id: statement.id, order_id: billed!.order_id, mode: billed!.mode }))
    )
  })

  releaseLockStep({ key: lockKey, ownerId: token })
  const result = transform({ statement, written, billed }, ({ statement, written, billed }) => ({
    statement_id: statement.id,
    status: written?.statement.status ?? statement.status,
    created: !!written?.created,
    billed_order_id: billed?.order_id ?? null,
  }))
  return new WorkflowResponse(result)
})
