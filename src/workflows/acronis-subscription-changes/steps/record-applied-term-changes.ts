import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { ApplyContractTierOutput } from "../../acronis-provisioning/steps/apply-contract-tier"
import type { DueTermChanges } from "./prepare-due-term-changes"
import { recordTermsHistory } from "./record-subscription-change"

export const recordAppliedTermChangesStepId = "record-applied-term-changes"

/** Marks the due changes applied, moves the columns to today's terms and logs it (`recordTermsHistory`). */
export const recordAppliedTermChangesStep = createStep(
  recordAppliedTermChangesStepId,
  async (input: { due: DueTermChanges; tier?: ApplyContractTierOutput | null }, { container }) => {
    await recordTermsHistory(container, {
      subscription_id: input.due.subscription_id,
      attempt: input.due.attempt,
      history: input.due.history,
      applied: input.due.due,
      tier: input.tier,
      message: input.due.message,
      now: new Date(),
    })
    return new StepResponse({ subscription_id: input.due.subscription_id, applied: input.due.due })
  }
)
