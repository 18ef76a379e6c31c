import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { orderPlacer, saasOrderPlaced, type PlanOrderLine } from "../../../modules/acronis/domain/credential-recipients"
import { normalizePlanTerms } from "../../../modules/acronis/domain/plan-terms"
import type { SaasOrderPlacedPayload } from "../../../modules/acronis/events"
import { readPlanOrder } from "../../acronis-checkout/plan-order"

export const prepareSaasOrderIdStepId = "prepare-saas-order-id"

type OrderRow = {
  id: string
  display_id: number
  email: string | null
  metadata: Record<string, any> | null
  items: { title: string; product_title: string | null; product_id: string | null; metadata: Record<string, any> | null }[]
}

/**
 * The "Order ID" e-mail of a placed order with SaaS plan lines (`acronis.saas_order.placed`), or null when it
 * has none: read from the order's lines (`metadata.plan_order`, checked when the line was added) and its
 * account manager (`metadata.acronis_account_manager` of a staff order, else the order's e-mail). Reading only.
 */
export const prepareSaasOrderIdStep = createStep(
  prepareSaasOrderIdStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [order] } = (await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "metadata", "items.title", "items.product_title", "items.product_id", "items.metadata"],
      filters: { id: input.order_id },
    })) as unknown as { data: OrderRow[] }
    const formLines = (order?.items ?? []).filter((item) => item.product_id && item.metadata?.plan_order)
    if (!formLines.length) {
      return new StepResponse<SaasOrderPlacedPayload | null>(null)
    }
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "acronis_offer.type", "acronis_offer.plan"],
      filters: { id: [...new Set(formLines.map((item) => item.product_id!))] },
    })
    const planOf = new Map(
      (products as { id: string; acronis_offer?: { type: string; plan: unknown } | null }[])
        .filter((product) => product.acronis_offer?.type === "plan")
        .map((product) => [product.id, product.acronis_offer!.plan])
    )
    const lines: PlanOrderLine[] = formLines
      .filter((item) => planOf.has(item.product_id!))
      .map((item) => ({
        title: item.product_title ?? item.title,
        plan_order: readPlanOrder(item.metadata)!,
        terms: normalizePlanTerms(planOf.get(item.product_id!)),
      }))
    return new StepResponse(saasOrderPlaced({ id: order.id, display_id: order.display_id, ...orderPlacer(order) }, lines))
  }
)
