import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type BuyerReseller = { id: string; name: string; status: string; customer_ids: string[] }
export type BuyerSubAccount = {
  id: string
  name: string
  status: string
  reseller_id: string
  acronis_tenant_id: string | null
}

/**
 * Who is buying: the cart's customer, the reseller it acts for (if any), and the sub-account the cart names
 * in `metadata.acronis_sub_account_id` (if any, whoever owns it: the rules check ownership).
 */
export type AcronisBuyer = {
  customer_id: string | null
  has_account: boolean
  reseller: BuyerReseller | null
  sub_account_id: string | null
  sub_account: BuyerSubAccount | null
}

/** Whom an Acronis service is for: a customer (direct, or a reseller for its own use) or a sub-account. */
export type AcronisConsumer =
  | { kind: "customer"; customer_ids: string[] }
  | { kind: "sub_account"; sub_account_id: string; name: string; customer_ids: string[]; acronis_tenant_id: string | null }

export function subAccountIdOf(metadata: Record<string, unknown> | null | undefined): string | null {
  const value = metadata?.acronis_sub_account_id
  return typeof value === "string" && value.length ? value : null
}

export async function loadBuyer(
  container: MedusaContainer,
  input: { customer_id: string | null; sub_account_id: string | null }
): Promise<AcronisBuyer> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const buyer: AcronisBuyer = {
    customer_id: input.customer_id,
    has_account: false,
    reseller: null,
    sub_account_id: input.sub_account_id,
    sub_account: null,
  }
  if (input.customer_id) {
    const { data: [customer] } = await query.graph({
      entity: "customer",
      fields: ["id", "has_account", "reseller.id", "reseller.name", "reseller.status"],
      filters: { id: input.customer_id },
    })
    const row = customer as { has_account?: boolean; reseller?: { id: string; name: string; status: string } | null } | undefined
    buyer.has_account = !!row?.has_account
    if (row?.reseller) {
      const { data: [reseller] } = await query.graph({
        entity: "reseller",
        fields: ["id", "customers.id"],
        filters: { id: row.reseller.id },
      })
      const customers = ((reseller as { customers?: { id: string }[] } | undefined)?.customers ?? []).map(({ id }) => id)
      buyer.reseller = { ...row.reseller, customer_ids: customers.length ? customers : [input.customer_id] }
    }
  }
  if (input.sub_account_id) {
    const { data: [subAccount] } = await query.graph({
      entity: "reseller_sub_account",
      fields: ["id", "name", "status", "reseller_id", "acronis_tenant_id"],
      filters: { id: input.sub_account_id },
    })
    buyer.sub_account = (subAccount as BuyerSubAccount | undefined) ?? null
  }
  return buyer
}

/**
 * The consumer of the cart's Acronis services: the named sub-account when it belongs to the buyer's
 * reseller; otherwise the buyer (for a reseller, all of the reseller's customers act as one buyer).
 */
export function consumerOf(buyer: AcronisBuyer): AcronisConsumer | null {
  if (buyer.sub_account && buyer.reseller && buyer.sub_account.reseller_id === buyer.reseller.id) {
    return {
      kind: "sub_account",
      sub_account_id: buyer.sub_account.id,
      name: buyer.sub_account.name,
      customer_ids: buyer.reseller.customer_ids,
      acronis_tenant_id: buyer.sub_account.acronis_tenant_id,
    }
  }
  if (!buyer.customer_id) {
    return null
  }
  return { kind: "customer", customer_ids: buyer.reseller?.customer_ids ?? [buyer.customer_id] }
}

/**
 * Whose pay-per-use service an order is, as one key: a sub-account, a reseller buying for itself (whichever
 * of its customers signs in), or a customer. At most one pay-per-use order per key is open at a time.
 */
export function payPerUseConsumerKey(buyer: AcronisBuyer): string | null {
  const consumer = consumerOf(buyer)
  if (!consumer) return null
  if (consumer.kind === "sub_account") return `sub_account:${consumer.sub_account_id}`
  return buyer.reseller ? `reseller:${buyer.reseller.id}` : `customer:${buyer.customer_id}`
}
