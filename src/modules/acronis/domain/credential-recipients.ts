/**
 * Who receives a plan's credentials and "Order ID" e-mail, and who its tenant's contact is, from the order
 * form (`plan_order`). Pure: no Medusa, no Acronis.
 */
import type { SaasOrderPlacedPayload } from "../events"
import { PLAN_LABELS, type PlanOrder, type PlanTerms } from "./plan-terms"

/** The addresses once each, compared case-insensitively, in the order given (the first spelling kept). */
export function uniqueAddresses(addresses: (string | null | undefined)[]): string[] {
  const seen = new Set<string>()
  const unique: string[] = []
  for (const address of addresses) {
    const trimmed = address?.trim()
    if (!trimmed || seen.has(trimmed.toLowerCase())) continue
    seen.add(trimmed.toLowerCase())
    unique.push(trimmed)
  }
  return unique
}

/** What the order says about who placed it. */
export type OrderPlacer = {
  /** `order.metadata.acronis_account_manager.email`: the staff user who created a staff order. */
  account_manager_email?: string | null
  /** `order.email`: in the storefront, the buyer placing the order is the account manager. */
  order_email?: string | null
}

/** Who placed an order, as it stores it. */
export function orderPlacer(order: { email?: string | null; metadata?: Record<string, unknown> | null }): OrderPlacer {
  const manager = order.metadata?.acronis_account_manager as { email?: string | null } | null | undefined
  return { account_manager_email: manager?.email ?? null, order_email: order.email ?? null }
}

/** The account manager of an order: the staff user who created it, else whoever placed it in the storefront. */
export function accountManagerEmail(placer: OrderPlacer): string | null {
  return placer.account_manager_email?.trim() || placer.order_email?.trim() || null
}

/**
 * The form's `send_credentials_to` as addresses: "account_manager" is the order's account manager,
 * "customer" the contact person of the customer details. A form naming nobody sends to the account manager,
 * the form's default, so the credentials always reach someone.
 */
export function credentialRecipients(order: Pick<PlanOrder, "send_credentials_to" | "customer">, placer: OrderPlacer): string[] {
  const manager = accountManagerEmail(placer)
  const chosen = order.send_credentials_to?.length ? order.send_credentials_to : ["account_manager" as const]
  return uniqueAddresses(chosen.map((recipient) => (recipient === "customer" ? order.customer.contact_email : manager)))
}

/** A contact name as Acronis's first and last name: the first word, and the rest (none for a single word). */
export function splitContactName(name: string): { firstname: string; lastname: string | null } {
  const [first, ...rest] = name.trim().split(/\s+/)
  return { firstname: first, lastname: rest.length ? rest.join(" ") : null }
}

/** A new tenant of a plan order with a form: named after the customer's company, its contact the form's contact person. */
export function planTenantIdentity(order: Pick<PlanOrder, "customer">): { name: string; contact: { email: string; firstname: string; lastname: string | null } } {
  const { company_name, contact_name, contact_email } = order.customer
  return { name: company_name.trim(), contact: { email: contact_email, ...splitContactName(contact_name) } }
}

/** An order line of a plan ordered with its form, as `saasOrderPlaced` reads it. */
export type PlanOrderLine = { title: string; plan_order: PlanOrder; terms: PlanTerms }

/**
 * The "Order ID" e-mail of an order's SaaS plan lines: to everyone their forms' `send_credentials_to` names,
 * once each; null when the order has no SaaS plan line. The lines describe themselves by package, currency
 * and payment method.
 */
export function saasOrderPlaced(
  order: { id: string; display_id: string | number } & OrderPlacer,
  lines: PlanOrderLine[]
): SaasOrderPlacedPayload | null {
  const saas = lines.filter((line) => line.plan_order.deployment === "saas")
  if (!saas.length) return null
  const recipients = uniqueAddresses(saas.flatMap((line) => credentialRecipients(line.plan_order, order)))
  return {
    id: order.id,
    order_display_id: order.display_id,
    email: recipients[0],
    recipients,
    company_name: saas[0].plan_order.customer.company_name,
    services: saas.map(({ title, plan_order, terms }) => {
      const pkg = terms.packages.find((candidate) => candidate.id === plan_order.package)
      const payment = PLAN_LABELS.payment.options[plan_order.payment]?.label ?? plan_order.payment
      return [`${title} — ${pkg?.name ?? plan_order.package}`, plan_order.currency?.toUpperCase(), payment].filter(Boolean).join(", ")
    }),
  }
}
