import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { addDays, periodBounds } from "../../../modules/acronis-billing/domain/period"
import { buildStatement, type DraftStatement } from "../../../modules/acronis-billing/domain/statement"
import { spansWithin, type ServiceSpan } from "../../../modules/acronis/domain/service-spans"
import type { BillingSubject } from "./load-billing-subject"

export const computeStatementStepId = "compute-statement"

export type ComputedStatement = DraftStatement & {
  /** The month's last billed day (service span or `as_of`), null when no day of it is billed. */
  last_billed_day: string | null
}

/** Whether the service ran on `day`. */
function ranOn(spans: readonly ServiceSpan[], day: string): boolean {
  return spansWithin([...spans], day, day).length > 0
}

/**
 * The statement of a loaded subject (pure domain rules): only the days the service ran in the month are
 * billed, up to `as_of` for an estimate, each part of the month on the terms of its days.
 */
export function statementOf(subject: BillingSubject, asOf?: string): ComputedStatement {
  const bounds = periodBounds(subject.period)
  const until = asOf && asOf < bounds.end ? asOf : bounds.end
  const spans = spansWithin(subject.subscription.spans, bounds.start, until)
  const draft = buildStatement({
    period: subject.period,
    currency_code: subject.order.currency_code,
    offer: subject.offer,
    activated_on: subject.subscription.activated_on,
    as_of: asOf,
    commitment_minimum: subject.subscription.commitment_minimum,
    snapshots: subject.snapshots,
    spans,
    // From what the service did around this month, not from what it does today: a month closed late, after
    // a resume, is billed the same as one closed on time.
    service_ended: !ranOn(subject.subscription.spans, bounds.end),
    ran_before: ranOn(subject.subscription.spans, addDays(bounds.start, -1)),
    billing_cycle: subject.subscription.billing_cycle,
    in_trial: subject.subscription.in_trial,
    checkout_credit: subject.checkout_credit,
    editions: subject.terms.editions,
    terms_label: subject.terms.label,
    term_changes: subject.terms.changes,
  })
  return { ...draft, last_billed_day: spans.length ? spans[spans.length - 1].to : null }
}

/** The statement's lines and total from the subject (`statementOf`). */
export const computeStatementStep = createStep(
  computeStatementStepId,
  async (input: { subject: BillingSubject; as_of?: string }) => new StepResponse<ComputedStatement>(statementOf(input.subject, input.as_of))
)
