import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"

export const claimStatementWriteStepId = "claim-statement-write"

/** Statements a close run may compute again: on hold, or left as a draft by a run that stopped. */
const REWRITABLE = ["on_hold", "draft"]

/**
 * Takes an existing, not yet issued statement for this run to rewrite. Another run that holds it (a second
 * process whose lock expired, or ours) makes this one stop with a conflict instead of writing its lines a
 * second time; the month is closed by that run.
 */
export const claimStatementWriteStep = createStep(
  claimStatementWriteStepId,
  async (input: { statement_id: string; token: string }, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    if (!(await billing.claimStatement(input.statement_id, input.token, REWRITABLE))) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `Acronis statement ${input.statement_id} is being closed by another run`)
    }
    return new StepResponse(null, input)
  },
  async (claimed, { container }) => {
    if (!claimed) return
    await container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE).releaseStatementClaim(claimed.statement_id, claimed.token)
  }
)
