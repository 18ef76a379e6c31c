import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"

export const claimStatementBillingStepId = "claim-statement-billing"

/**
 * Takes an issued statement without an order for this run to bill. Only the run that won makes (or finds
 * and records) its order, so two processes closing the month at once make one order; the other leaves the
 * statement to it. The claim is cleared when the order is recorded, or given back if the run fails. Only a
 * statement some run claimed before can have an unrecorded order to look for.
 */
export const claimStatementBillingStep = createStep(
  claimStatementBillingStepId,
  async (input: { statement_id: string; token: string }, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const claim = await billing.claimStatementBilling(input.statement_id, input.token)
    return new StepResponse(claim, claim.won ? input : undefined)
  },
  async (claimed, { container }) => {
    if (!claimed) return
    await container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE).releaseStatementClaim(claimed.statement_id, claimed.token)
  }
)
