import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { buildStatement, type DraftStatement } from "../../../modules/acronis-billing/domain/statement"
import type { BillingSubject } from "./load-billing-subject"

export const computeStatementStepId = "compute-statement"

/** The statement's lines and total from the subject (pure domain rules; `as_of` caps an estimate). */
export const computeStatementStep = createStep(
  computeStatementStepId,
  async (input: { subject: BillingSubject; as_of?: string }) => {
    const { subject } = input
    return new StepResponse<DraftStatement>(
      buildStatement({
        period: subject.period,
        currency_code: subject.order.currency_code,
        offer: subject.offer,
        activated_on: subject.subscription.activated_on,
        as_of: input.as_of,
        commitment_minimum: subject.subscription.commitment_minimum,
        snapshots: subject.snapshots,
      })
    )
  }
)
