import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export const findBillingOrderStepId = "find-billing-order"

/**
 * The order (or draft order) a statement already became, found by the statement id in its metadata. A run
 * that crashed after creating the order and before recording it on the statement must not bill the month
 * again: the next run finds this order and only records it.
 */
export const findBillingOrderStep = createStep(findBillingOrderStepId, async (input: { statement_id: string }, { container }) => {
  const orders = await container.resolve(Modules.ORDER).listOrders(
    { metadata: { acronis_statement_id: input.statement_id } } as Record<string, unknown>,
    { select: ["id", "is_draft_order"], take: 1 }
  )
  return new StepResponse<{ id: string; is_draft_order: boolean } | null>(
    orders[0] ? { id: orders[0].id, is_draft_order: !!orders[0].is_draft_order } : null
  )
})
