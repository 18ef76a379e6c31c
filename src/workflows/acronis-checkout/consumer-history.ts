import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AcronisConsumer } from "./buyer"

/**
 * The ONE place that answers, for checkout, "does this consumer have an Acronis tenant yet?" and "does it
 * already have an active or pending pay-per-use subscription?". Provisioning (issue #8) adds the
 * `acronis_subscription` model; until it is registered these answers come from the reseller's sub-accounts
 * and from placed orders only. When the model lands, only this file changes.
 */

/**
 * Subscription states that count as "active or pending" for the one-pay-per-use rule. `failed` counts too:
 * provisioning stopped but the merchant retries it, so the subscription is still on its way.
 */
export const OPEN_SUBSCRIPTION_STATUSES = ["pending", "provisioning", "active", "failed"]

type SubscriptionRow = {
  id: string
  type?: string | null
  status?: string | null
  customer_id?: string | null
  sub_account_id?: string | null
  tenant_id?: string | null
  order_id?: string | null
}

export type OpenPayPerUse =
  | { kind: "subscription"; id: string; status: string }
  | { kind: "order"; id: string; display_id: number | null }

/** The consumer's subscriptions; none while the subscription model is not registered yet. */
async function listSubscriptions(container: MedusaContainer, consumer: AcronisConsumer): Promise<SubscriptionRow[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let rows: SubscriptionRow[]
  try {
    // `*`: whatever columns the model has; only the documented ones are read below.
    const { data } = await query.graph({
      entity: "acronis_subscription",
      fields: ["*"],
      filters: consumer.kind === "sub_account" ? { sub_account_id: consumer.sub_account_id } : { customer_id: consumer.customer_ids },
    })
    rows = data as SubscriptionRow[]
  } catch (error) {
    if (/acronis_subscription.*was not found|was not found.*acronis_subscription/i.test((error as Error).message)) {
      return []
    }
    throw error
  }
  return consumer.kind === "sub_account" ? rows : rows.filter((row) => !row.sub_account_id)
}

/** True once the consumer has an Acronis tenant: service details are then not asked again. */
export async function hasAcronisTenant(container: MedusaContainer, consumer: AcronisConsumer): Promise<boolean> {
  if (consumer.kind === "sub_account" && consumer.acronis_tenant_id) {
    return true
  }
  return (await listSubscriptions(container, consumer)).some((row) => !!row.tenant_id)
}

/**
 * The consumer's own customer tenant, if it has one: a sub-account's, or the tenant a direct customer's
 * subscriptions were provisioned into (a reseller's partner tenant is not where its plans go).
 */
export async function findCustomerTenantId(container: MedusaContainer, consumer: AcronisConsumer): Promise<string | null> {
  if (consumer.kind === "sub_account" && consumer.acronis_tenant_id) {
    return consumer.acronis_tenant_id
  }
  const rows = (await listSubscriptions(container, consumer)) as (SubscriptionRow & { tenant_kind?: string | null })[]
  return rows.find((row) => row.tenant_id && row.tenant_kind !== "partner")?.tenant_id ?? null
}

type OrderRow = {
  id: string
  display_id?: number | null
  status: string
  metadata?: Record<string, unknown> | null
  items?: { product_id?: string | null }[] | null
}

/**
 * The consumer's active or pending pay-per-use subscription, if any: a subscription of type `ppu` in an open
 * state, or a placed (not cancelled) order with a pay-per-use item that no subscription records yet.
 */
export async function findOpenPayPerUse(container: MedusaContainer, consumer: AcronisConsumer): Promise<OpenPayPerUse | null> {
  const subscriptions = await listSubscriptions(container, consumer)
  const open = subscriptions.find((row) => row.type === "ppu" && OPEN_SUBSCRIPTION_STATUSES.includes(row.status ?? ""))
  if (open) {
    return { kind: "subscription", id: open.id, status: open.status! }
  }

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "metadata", "items.product_id"],
    filters: { customer_id: consumer.customer_ids },
  })
  const recorded = new Set(subscriptions.map((row) => row.order_id).filter(Boolean))
  const candidates = (data as OrderRow[]).filter((order) => {
    if (["canceled", "draft"].includes(order.status) || recorded.has(order.id)) {
      return false
    }
    const subAccountId = order.metadata?.acronis_sub_account_id ?? null
    return consumer.kind === "sub_account" ? subAccountId === consumer.sub_account_id : !subAccountId
  })
  const productIds = [...new Set(candidates.flatMap((order) => (order.items ?? []).map((item) => item.product_id)).filter(Boolean))]
  if (!productIds.length) {
    return null
  }
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "acronis_offer.type"],
    filters: { id: productIds as string[] },
  })
  const payPerUse = new Set(
    (products as { id: string; acronis_offer?: { type: string } | null }[])
      .filter((product) => product.acronis_offer?.type === "ppu")
      .map((product) => product.id)
  )
  const order = candidates.find((candidate) => (candidate.items ?? []).some((item) => payPerUse.has(item.product_id ?? "")))
  return order ? { kind: "order", id: order.id, display_id: order.display_id ?? null } : null
}
