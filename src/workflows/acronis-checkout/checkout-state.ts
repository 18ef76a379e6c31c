import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { ACRONIS_CHECKOUT_MODULE } from "../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../modules/acronis-checkout/service"
import { type AcronisLine, loadOffersByVariant, toAcronisLine } from "./acronis-lines"
import { type AcronisBuyer, consumerOf, loadBuyer, subAccountIdOf } from "./buyer"
import { hasAcronisTenant } from "./consumer-history"
import type { LoginFormat } from "./login"

export type CheckoutStepName = "terms" | "billing" | "service_details"

export type CheckoutStep =
  | { step: "terms"; required: boolean; completed: boolean; terms_url: string; terms_version: string; accepted_at: string | null }
  | { step: "billing"; required: boolean; completed: boolean; missing: string[] }
  | { step: "service_details"; required: boolean; completed: boolean; login_format: LoginFormat; login: string | null; email: string | null }

export type CheckoutCart = {
  id: string
  email: string | null
  currency_code: string
  customer_id: string | null
  completed_at: string | Date | null
  metadata: Record<string, unknown> | null
  billing_address: Record<string, string | null> | null
  items: { id: string; variant_id: string | null; title: string; quantity: number; metadata: Record<string, unknown> | null }[]
}

export type ServiceDetails = { login: string; email: string }

/** Everything checkout knows about a cart's Acronis items: who buys, which steps remain. Serializable. */
export type AcronisCheckoutState = {
  cart: CheckoutCart
  lines: AcronisLine[]
  buyer: AcronisBuyer
  has_tenant: boolean
  service_details: ServiceDetails | null
  steps: CheckoutStep[]
}

const BILLING_FIELDS = ["first_name", "last_name", "address_1", "city", "postal_code", "country_code"]

export const checkoutCartFields = [
  "id",
  "email",
  "currency_code",
  "customer_id",
  "completed_at",
  "metadata",
  "billing_address.*",
  "items.id",
  "items.variant_id",
  "items.title",
  "items.quantity",
  "items.metadata",
]

export function serviceDetailsOf(metadata: Record<string, unknown> | null | undefined): ServiceDetails | null {
  const details = metadata?.acronis_service_details as Partial<ServiceDetails> | undefined
  return details?.login && details?.email ? { login: details.login, email: details.email } : null
}

export function loginFormatOf(lines: AcronisLine[]): LoginFormat {
  return lines.some((line) => line.offer.type === "contract") ? "email" : "username_or_email"
}

/** The cart's Acronis line items with their offers. */
export async function loadAcronisLines(container: MedusaContainer, cart: Pick<CheckoutCart, "items">): Promise<AcronisLine[]> {
  const items = cart.items ?? []
  const offers = await loadOffersByVariant(container, items.map((item) => item.variant_id!).filter(Boolean))
  return items.flatMap((item) => {
    const found = item.variant_id ? offers.get(item.variant_id) : undefined
    return found ? [toAcronisLine({ ...item, variant_id: item.variant_id! }, found)] : []
  })
}

/** Reads the cart, its Acronis items, the buyer and the state of each checkout step. */
export async function loadAcronisCheckout(container: MedusaContainer, cartId: string): Promise<AcronisCheckoutState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [row] } = await query.graph({ entity: "cart", fields: checkoutCartFields, filters: { id: cartId } })
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  const cart = row as unknown as CheckoutCart
  const lines = await loadAcronisLines(container, cart)
  const buyer = await loadBuyer(container, { customer_id: cart.customer_id, sub_account_id: subAccountIdOf(cart.metadata) })
  if (!lines.length) {
    return { cart, lines, buyer, has_tenant: false, service_details: null, steps: [] }
  }

  const consumer = consumerOf(buyer)
  const hasTenant = consumer ? await hasAcronisTenant(container, consumer) : false
  const terms = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).getTermsOfUse()
  const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
  const [consent] = await records.listAcronisTermsConsents(
    { cart_id: cart.id, terms_version: terms.version },
    { order: { accepted_at: "DESC" }, take: 1 }
  )
  const details = serviceDetailsOf(cart.metadata)
  const reservations = details
    ? await records.listAcronisLoginReservations({ cart_id: cart.id, login: details.login.toLowerCase(), released_at: null })
    : []

  const format = loginFormatOf(lines)
  const address = cart.billing_address ?? {}
  const missing = BILLING_FIELDS.filter((field) => !address[field]).map((field) => `billing_address.${field}`)
  if (format === "email" && !cart.email) {
    missing.push("email")
  }
  return {
    cart,
    lines,
    buyer,
    has_tenant: hasTenant,
    service_details: details,
    steps: [
      {
        step: "terms",
        required: true,
        completed: !!consent,
        terms_url: terms.url,
        terms_version: terms.version,
        accepted_at: consent ? new Date(consent.accepted_at).toISOString() : null,
      },
      { step: "billing", required: true, completed: missing.length === 0, missing },
      {
        step: "service_details",
        required: !hasTenant,
        completed: !hasTenant && !!details && reservations.length > 0,
        login_format: format,
        login: details?.login ?? null,
        email: details?.email ?? null,
      },
    ],
  }
}

/** `loadAcronisCheckout`'s step of that name. */
export function checkoutStep<N extends CheckoutStepName>(state: AcronisCheckoutState, name: N) {
  return state.steps.find((step) => step.step === name) as Extract<CheckoutStep, { step: N }> | undefined
}
