import {
  acquireLockStep,
  createOrderPaymentCollectionWorkflow,
  createOrderWorkflow,
  emitEventStep,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents, type StatementIssuedPayload } from "../../modules/acronis/events"
import { periodBounds } from "../../modules/acronis-billing/domain/period"
import type { BillingOrderMode } from "../../modules/acronis-billing/service"
import {
  computeStatementStep,
  createStatementStep,
  fetchUsageReportStep,
  findStatementStep,
  loadBillingSubjectStep,
  prepareBillingOrderStep,
  recordStatementOrderStep,
  validateClosablePeriodStep,
  type StatementRef,
} from "./steps"

export type CloseAcronisMonthWorkflowInput = {
  subscription_id: string
  /** The closed calendar month, YYYY-MM (UTC). */
  period: string
  /** Overrides the `billingOrderMode` plugin option. */
  order_mode?: BillingOrderMode
}

export const closeAcronisMonthWorkflowId = "close-acronis-month"

/**
 * Closes one subscription's month: computes its statement from the synced snapshots, checks them against
 * Acronis's `usage_summary` report (a mismatch is flagged on the statement), issues it (e-mail), and turns it
 * into a Medusa order or draft order. Once per (subscription, month): a lock serialises concurrent runs and
 * an existing statement or order is never made again, so running the close twice changes nothing. A run
 * that stopped between the statement and its order finishes the order next time.
 */
export const closeAcronisMonthWorkflow = createWorkflow(closeAcronisMonthWorkflowId, (input: CloseAcronisMonthWorkflowInput) => {
  validateClosablePeriodStep({ period: input.period })
  const lockKey = transform({ input }, ({ input }) => `acronis-close:${input.subscription_id}:${input.period}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 300 })

  const existing = findStatementStep({ subscription_id: input.subscription_id, period: input.period })
  const subject = loadBillingSubjectStep({ subscription_id: input.subscription_id, period: input.period })

  const created = when("issue-statement", { existing }, ({ existing }) => !existing).then(() => {
    const draft = computeStatementStep({ subject })
    const report = fetchUsageReportStep({ period: input.period, tenant_id: subject.subscription.tenant_id })
    const statement = createStatementStep({ subject, draft, report })
    const payload = transform({ statement, draft, subject }, ({ statement, draft, subject }): StatementIssuedPayload => {
      const { start, end } = periodBounds(subject.period)
      return {
        id: statement.id,
        email: subject.order.email ?? subject.subscription.email,
        period_start: start,
        period_end: end,
        currency_code: draft.currency_code,
        lines: draft.lines.map((l) => ({ description: l.description, quantity: `${l.quantity} ${l.unit}`, amount: Number(l.amount) })),
        total: Number(draft.total),
      }
    })
    emitEventStep({ eventName: AcronisEvents.STATEMENT_ISSUED, data: payload })
    return statement
  })
  const statement = transform({ existing, created }, ({ existing, created }) => (existing ?? created) as StatementRef)

  const billed = when("bill-statement", { statement }, ({ statement }) =>
    !statement.order_id && !statement.draft_order_id && Number(statement.total) > 0
  ).then(() => {
    const plan = prepareBillingOrderStep({ statement, subject, mode: input.order_mode })
    const order = createOrderWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => plan.order) })
    return transform({ plan, order }, ({ plan, order }) => ({ mode: plan.mode, amount: plan.amount, order_id: order.id }))
  })
  when("collect-payment", { billed }, ({ billed }) => billed?.mode === "order").then(() => {
    createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ billed }, ({ billed }) => ({ order_id: billed!.order_id, amount: billed!.amount })),
    })
  })
  when("record-statement-order", { billed }, ({ billed }) => !!billed).then(() => {
    recordStatementOrderStep(
      transform({ billed, statement }, ({ billed, statement }) => ({ statement_id: statement.id, order_id: billed!.order_id, mode: billed!.mode }))
    )
  })

  releaseLockStep({ key: lockKey })
  const result = transform({ statement, created, billed }, ({ statement, created, billed }) => ({
    statement_id: statement.id,
    created: !!created,
    billed_order_id: billed?.order_id ?? null,
  }))
  return new WorkflowResponse(result)
})
