import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { periodBounds } from "../../../modules/acronis-billing/domain/period"
import { buildStatement, type DraftStatement } from "../../../modules/acronis-billing/domain/statement"
import { serviceEndedOn, spansWithin } from "../../../modules/acronis/domain/service-spans"
import type { BillingSubject } from "./load-billing-subject"

export const computeStatementStepId = "compute-statement"

export type ComputedStatement = DraftStatement & {
  /** The month's last billed day (service span or `as_of`), null when no day of it is billed. */
  last_billed_day: string | null
}

/**
 * The statement's lines and total from the subject (pure domain rules): only the days the service ran in the
 * month are billed, up to `as_of` for an estimate.
 */
export const computeStatementStep = createStep(
  computeStatementStepId,
  async (input: { subject: BillingSubject; as_of?: string }) => {
    const { subject } = input
    const bounds = periodBounds(subject.period)
    const until = input.as_of && input.as_of < bounds.end ? input.as_of : bounds.end
    const spans = spansWithin(subject.subscription.spans, bounds.start, until)
    const endedOn = serviceEndedOn(subject.subscription.spans)
    const draft = buildStatement({
      period: subject.period,
      currency_code: subject.order.currency_code,
      offer: subject.offer,
      activated_on: subject.subscription.activated_on,
      as_of: input.as_of,
      commitment_minimum: subject.subscription.commitment_minimum,
      snapshots: subject.snapshots,
      spans,
      service_ended: endedOn !== null && endedOn <= bounds.end,
      billing_cycle: subject.subscription.billing_cycle,
      in_trial: subject.subscription.in_trial,
      checkout_credit: subject.checkout_credit,
    })
    return new StepResponse<ComputedStatement>({ ...draft, last_billed_day: spans.length ? spans[spans.length - 1].to : null })
  }
)
