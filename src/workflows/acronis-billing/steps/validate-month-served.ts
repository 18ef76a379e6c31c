import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { reasonNotToClose } from "../../../modules/acronis-billing/domain/catch-up"
import type { BillingSubject } from "./load-billing-subject"

export const validateMonthServedStepId = "validate-month-served"

/**
 * A month that ended before the subscription's service started (or one whose service never started) has no
 * statement: closing it would write one for nothing and send it to the customer. Refused before anything is
 * written.
 */
export const validateMonthServedStep = createStep(validateMonthServedStepId, async (input: { subject: BillingSubject }) => {
  const reason = reasonNotToClose(input.subject.subscription.spans, input.subject.period)
  if (reason) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Acronis subscription ${input.subject.subscription.id}: ${reason}`)
  return new StepResponse(null)
})
