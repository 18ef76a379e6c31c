import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type FoundBillingOrder = { id: string; is_draft_order: boolean; has_payment_collection: boolean }

export const findBillingOrderStepId = "find-billing-order"

/**
 * The order (or draft order) a statement already became, found by the statement id in its metadata. A run
 * that crashed after creating the order and before recording it on the statement must not bill the month
 * again: the next run finds this order, gives it the payment collection it may lack, and records it.
 */
export const findBillingOrderStep = createStep(findBillingOrderStepId, async (input: { statement_id: string }, { container }) => {
  const orders = await container.resolve(Modules.ORDER).listOrders(
    { metadata: { acronis_statement_id: input.statement_id } } as Record<string, unknown>,
    { select: ["id", "is_draft_order"], take: 1 }
  )
  if (!orders[0]) return new StepResponse<FoundBillingOrder | null>(null)
  const { data: [withCollections] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "payment_collections.id"],
    filters: { id: orders[0].id },
  })
  return new StepResponse<FoundBillingOrder | null>({
    id: orders[0].id,
    is_draft_order: !!orders[0].is_draft_order,
    has_payment_collection: !!withCollections?.payment_collections?.length,
  })
})
