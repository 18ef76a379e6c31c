import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import type { BillingOrderMode } from "../../../modules/acronis-billing/service"

export const recordStatementOrderStepId = "record-statement-order"

/** Marks the statement `billed` with the order (or draft order) it became, and ends the run's claim on it. */
export const recordStatementOrderStep = createStep(
  recordStatementOrderStepId,
  async (input: { statement_id: string; order_id: string; mode: BillingOrderMode }, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    await billing.updateAcronisStatements({
      id: input.statement_id,
      status: "billed",
      claim_token: null,
      claimed_at: null,
      ...(input.mode === "draft_order" ? { draft_order_id: input.order_id } : { order_id: input.order_id }),
    })
    return new StepResponse({ statement_id: input.statement_id, order_id: input.order_id }, input.statement_id)
  },
  async (statementId, { container }) => {
    if (!statementId) return
    await container
      .resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
      .updateAcronisStatements({ id: statementId, status: "issued", order_id: null, draft_order_id: null })
  }
)
