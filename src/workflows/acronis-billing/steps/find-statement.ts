import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"

export type StatementRef = {
  id: string
  subscription_id: string
  period: string
  currency_code: string
  total: string
  status: string
  order_id: string | null
  draft_order_id: string | null
}

export const findStatementStepId = "find-statement"

/** The subscription's statement for the period, if the month was closed already. */
export const findStatementStep = createStep(
  findStatementStepId,
  async (input: { subscription_id: string; period: string }, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const [statement] = await billing.listAcronisStatements(
      { subscription_id: input.subscription_id, period: input.period },
      { select: ["id", "subscription_id", "period", "currency_code", "total", "status", "order_id", "draft_order_id"] }
    )
    return new StepResponse<StatementRef | null>((statement as StatementRef | undefined) ?? null)
  }
)
