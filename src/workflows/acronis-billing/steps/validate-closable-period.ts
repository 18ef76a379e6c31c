import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { isPeriod, periodBounds, utcDay } from "../../../modules/acronis-billing/domain/period"

export const validateClosablePeriodStepId = "validate-closable-period"

/** Only a month that has ended (UTC) can be closed; a month in progress can only be previewed. */
export const validateClosablePeriodStep = createStep(validateClosablePeriodStepId, async (input: { period: string }) => {
  if (!isPeriod(input.period)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `period must be a month as YYYY-MM, got ${input.period}`)
  }
  if (periodBounds(input.period).end >= utcDay(new Date())) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${input.period} has not ended yet: preview it instead of closing it`)
  }
  return new StepResponse(input.period)
})
