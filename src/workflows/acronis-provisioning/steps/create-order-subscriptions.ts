import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { LinkDefinition } from "@medusajs/framework/types"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { tenantKindForOffer } from "../../../modules/acronis/domain/offer-catalogue"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"
import { readPlanOrder } from "../../acronis-checkout/plan-order"

export type CreateOrderSubscriptionsInput = { order_id: string }

export type OrderSubscriptionsOutput = {
  order: { id: string; display_id: string | number; email: string | null; customer_name: string | null; staff_order: boolean }
  subscriptions: { id: string; status: string; execution: "automatic" | "manual"; service_name: string }[]
  /** Subscriptions this run saved (empty when the order was seen before). */
  created_ids: string[]
}

type AcronisItemMetadata = { protection_licensing_model?: string; file_sync_share_licensing_model?: string; billing_interval?: string }
type OrderRow = {
  id: string
  display_id: number
  email: string | null
  currency_code: string
  customer_id: string | null
  metadata: Record<string, any> | null
  items: { id: string; title: string; product_title: string | null; product_id: string | null; metadata: Record<string, any> | null }[]
}
type OfferRow = { id: string; type: "ppu" | "contract" | "plan"; contract_tier: number | null; commitments: Record<string, number> | null; plan: { billing_intervals?: string[] } | null }

export const createOrderSubscriptionsStepId = "create-order-subscriptions"

type OfferIntervals = { type: "ppu" | "contract" | "plan"; plan: { billing_intervals?: string[] } | null }

/** The intervals an offer is sold by: a plan's own (monthly when it names none); the rest bill by the month. */
export function billingIntervalsOf(offer: OfferIntervals): string[] {
  return offer.type === "plan" && offer.plan?.billing_intervals?.length ? offer.plan.billing_intervals : ["month"]
}

/**
 * A subscription's `billing_cycle`: for a plan, the interval asked for (monthly when none was), refused with
 * a 400 naming `billing_interval` when the plan is not sold by it; `"calendar_month"` for pay per use and
 * contracts, which are billed per calendar month whatever was asked.
 */
export function billingCycleFor(offer: OfferIntervals & { title?: string }, requested: unknown): string {
  if (offer.type !== "plan") return "calendar_month"
  const allowed = billingIntervalsOf(offer)
  // Nothing asked (a line added without one): monthly, or a yearly-only plan's year.
  const interval = requested ?? (allowed.includes("month") ? "month" : allowed[0])
  if (typeof interval !== "string" || !allowed.includes(interval)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `billing_interval: ${offer.title ?? "this plan"} is sold by ${allowed.join(" or ")}, not ${JSON.stringify(interval)}.`
    )
  }
  return interval
}

/**
 * Saves one `pending` Acronis subscription per order line whose product has an Acronis offer, with what the
 * order says about it (licensing models from `item.metadata.acronis`, a plan's billing interval from there or
 * the staff order's `metadata.acronis_billing_interval` — refused when the plan is not sold by it — login
 * and e-mail from `order.metadata.acronis_service_details`, the sub-account from
 * `order.metadata.acronis_sub_account_id`), and links it to the order and the customer. Lines that already
 * have one are left alone, so a repeated `order.placed` changes nothing.
 *
 * Staff orders: an order placed from a storefront is linked to its cart (core `order_cart` link, made by
 * `completeCartWorkflow`); draft-order conversions and admin-created orders (`createOrderWorkflow`) have no
 * cart — Medusa 2.21 keeps no other mark: `is_draft_order` is reset to false on conversion and orders have
 * no `created_by`. Those get `execution: "manual"` and wait for an account manager to execute them.
 * `order.metadata.acronis_staff_order: true` forces manual execution for any order.
 *
 * Compensation deletes the subscriptions this run saved, with their links.
 */
export const createOrderSubscriptionsStep = createStep(
  createOrderSubscriptionsStepId,
  async (input: CreateOrderSubscriptionsInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { data: [order] } = (await query.graph({
      entity: "order",
      fields: ["id", "display_id", "email", "currency_code", "customer_id", "metadata", "items.id", "items.title", "items.product_title", "items.product_id", "items.metadata"],
      filters: { id: input.order_id },
    })) as unknown as { data: OrderRow[] }
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} does not exist.`)

    const { data: carts } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: order.id } })
    const staffOrder = order.metadata?.acronis_staff_order === true || carts.length === 0
    const { data: [customer] } = order.customer_id
      ? await query.graph({ entity: "customer", fields: ["id", "first_name", "last_name", "reseller.id"], filters: { id: order.customer_id } })
      : { data: [] as any[] }
    const customerName = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ") || null

    const productIds = [...new Set(order.items.map((item) => item.product_id).filter((id): id is string => !!id))]
    const { data: products } = productIds.length
      ? await query.graph({ entity: "product", fields: ["id", "acronis_offer.*"], filters: { id: productIds } })
      : { data: [] as any[] }
    const offerByProduct = new Map<string, OfferRow>(
      products.filter((p: any) => p.acronis_offer).map((p: any) => [p.id, p.acronis_offer as OfferRow])
    )

    const existing = await acronis.listAcronisSubscriptions({ order_id: order.id }, { select: ["id", "line_item_id"] })
    const seen = new Set(existing.map((subscription) => subscription.line_item_id))
    const details = (order.metadata?.acronis_service_details ?? {}) as { login?: string; email?: string }
    const subAccountId = (order.metadata?.acronis_sub_account_id as string | undefined) || null
    const resellerId: string | null = customer?.reseller?.id ?? null
    const pending = order.items.filter((item) => item.product_id && offerByProduct.has(item.product_id) && !seen.has(item.id))
    // Checkout asks no service details when the sub-account's tenant exists; its admin is then the
    // sub-account's own contact, not the reseller, whose e-mail may already be a login of its partner tenant.
    const [subAccount] =
      subAccountId && !details.email && pending.length
        ? await container.resolve<ResellerModuleService>(RESELLER_MODULE).listResellerSubAccounts({ id: subAccountId }, { select: ["email"] })
        : []
    const subAccountEmail: string | null = subAccount?.email ?? null

    const toCreate = pending.map((item) => {
      const offer = offerByProduct.get(item.product_id!)!
      const chosen = (item.metadata?.acronis ?? {}) as AcronisItemMetadata
      const email = details.email ?? subAccountEmail ?? order.email ?? ""
      const commitmentAmount = offer.commitments?.[order.currency_code?.toLowerCase()] ?? null
      return {
        type: offer.type,
        execution: staffOrder ? ("manual" as const) : ("automatic" as const),
        customer_id: order.customer_id,
        sub_account_id: subAccountId,
        reseller_id: subAccountId || offer.type === "contract" ? resellerId : null,
        order_id: order.id,
        line_item_id: item.id,
        offer_id: offer.id,
        service_name: item.product_title ?? item.title,
        tenant_kind: tenantKindForOffer(offer.type) as "customer" | "partner",
        // Contracts: Acronis wants the reseller's e-mail as the username.
        login: offer.type === "contract" ? email : (details.login ?? email),
        email,
        protection_licensing_model: chosen.protection_licensing_model ?? null,
        file_sync_share_licensing_model: chosen.file_sync_share_licensing_model ?? null,
        // The storefront puts the interval on the line; the admin wizard's staff order on the order.
        billing_cycle: billingCycleFor(
          { ...offer, title: item.product_title ?? item.title },
          chosen.billing_interval ?? order.metadata?.acronis_billing_interval
        ),
        commitment:
          offer.type === "contract"
            ? {
                tier: offer.contract_tier,
                minimum: commitmentAmount === null ? null : { currency_code: order.currency_code, amount: commitmentAmount },
              }
            : null,
        // A plan's order form, checked at checkout, kept as read (defaults filled in, codes lower
        // case): what provisioning and billing follow.
        metadata: offer.type === "plan" && item.metadata?.plan_order ? { plan_order: readPlanOrder(item.metadata) } : null,
      }
    })

    const created = toCreate.length ? await createUnlessSaved(acronis, toCreate) : []
    if (created.length) {
      const link = container.resolve(ContainerRegistrationKeys.LINK)
      await link.create(
        created.flatMap((subscription): LinkDefinition[] => [
          { [Modules.ORDER]: { order_id: order.id }, [ACRONIS_MODULE]: { acronis_subscription_id: subscription.id } },
          ...(order.customer_id
            ? [{ [Modules.CUSTOMER]: { customer_id: order.customer_id }, [ACRONIS_MODULE]: { acronis_subscription_id: subscription.id } }]
            : []),
        ])
      )
    }

    const all = await acronis.listAcronisSubscriptions(
      { order_id: order.id },
      { select: ["id", "status", "execution", "service_name"], order: { created_at: "ASC" } }
    )
    const output: OrderSubscriptionsOutput = {
      order: { id: order.id, display_id: order.display_id, email: order.email, customer_name: customerName, staff_order: staffOrder },
      subscriptions: all.map(({ id, status, execution, service_name }) => ({ id, status, execution, service_name })),
      created_ids: created.map((subscription) => subscription.id),
    }
    return new StepResponse(output, { order_id: order.id, customer_id: order.customer_id, ids: output.created_ids })
  },
  async (compensation, { container }) => {
    if (!compensation?.ids.length) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await link.dismiss(
      compensation.ids.flatMap((id): LinkDefinition[] => [
        { [Modules.ORDER]: { order_id: compensation.order_id }, [ACRONIS_MODULE]: { acronis_subscription_id: id } },
        ...(compensation.customer_id
          ? [{ [Modules.CUSTOMER]: { customer_id: compensation.customer_id }, [ACRONIS_MODULE]: { acronis_subscription_id: id } }]
          : []),
      ])
    )
    await container.resolve<AcronisModuleService>(ACRONIS_MODULE).deleteAcronisSubscriptions(compensation.ids)
  }
)

/**
 * Saves the subscriptions, or none when another process saved this order's just now (the unique line item id
 * decides, should the lock on the order not have held): that process then links them and asks for provisioning.
 */
async function createUnlessSaved(acronis: AcronisModuleService, rows: Parameters<AcronisModuleService["createAcronisSubscriptions"]>[0] & unknown[]) {
  try {
    return await acronis.createAcronisSubscriptions(rows)
  } catch (error) {
    if (/unique|duplicate|already exists/i.test((error as Error).message) && /line_item_id/i.test((error as Error).message)) return []
    throw error
  }
}
