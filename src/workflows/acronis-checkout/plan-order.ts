import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { ACRONIS_MODULE } from "../../modules/acronis"
import { CREDENTIAL_RECIPIENTS, DOMAIN_NAME, type PlanOrder, type PlanTerms } from "../../modules/acronis/domain/plan-terms"
import type AcronisModuleService from "../../modules/acronis/service"
import type { AcronisLine } from "./acronis-lines"
import { type AcronisBuyer, consumerOf } from "./buyer"
import { findCustomerTenantId } from "./consumer-history"

/** What Acronis takes as a username (letters, digits, ".", "_", "-"), without the domain. */
const USERNAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/

/** The customer's domain, lower case: in the order form, and where a login is proposed from it. */
export const domainName = z
  .string()
  .trim()
  .transform((domain) => domain.toLowerCase())
  .refine((domain) => DOMAIN_NAME.test(domain), "must be a domain name such as contoso.com")

/** The order form as a storefront sends it (the storefront client's `AcronisPlanOrder` is checked against it). */
export const planOrderSchema = z
  .object({
    deployment: z.string().min(1),
    payment: z.string().min(1),
    package: z.string().min(1),
    postponed_billing: z.boolean().default(false),
    data_location: z.string().min(1).nullable().default(null),
    data_location_confirmed: z.boolean().default(false),
    currency: z.string().min(1).transform((code) => code.toLowerCase()).nullable().default(null),
    customer: z
      .object({
        company_name: z.string().trim().min(1, "enter the company name"),
        contact_name: z.string().trim().min(1, "enter the contact person's name"),
        contact_email: z.email("must be an e-mail address"),
      })
      .strict(),
    domain: domainName,
    admin_username: z.string().trim().regex(USERNAME, "letters, digits, \".\", \"_\" or \"-\" (we recommend Admin)"),
    send_credentials_to: z.array(z.enum(CREDENTIAL_RECIPIENTS)).max(2).default(["account_manager"]),
  })
  .strict()

/**
 * Where a plan is ordered: a storefront cart (the form on the line item's `metadata.plan_order`, the cart's
 * currency) or the admin's wizard (the form in the body's `plan_order`, the region's currency). Only the
 * wording of a refusal differs: each names what the one who ordered can change.
 */
export type PlanOrderPlace = "cart" | "staff_order"

const WORDING = {
  cart: { form: "set metadata.plan_order on the line item", currency: "the cart's currency", sale: "this cart", region: "choose a region in" },
  staff_order: { form: "give plan_order", currency: "the region's currency", sale: "the region", region: "set region_id to a region in" },
} as const

const invalid = (field: string, message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `plan_order.${field}: ${message}`)

/** The order form of a plan line item as given, or null when it has none; a malformed one is a 400 naming the field. */
export function readPlanOrder(metadata: Record<string, unknown> | null | undefined): PlanOrder | null {
  const raw = metadata?.plan_order
  if (raw === undefined || raw === null) {
    return null
  }
  const parsed = planOrderSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw invalid(issue.path.join(".") || "", issue.message)
  }
  return parsed.data as PlanOrder
}

/**
 * A plan line item's order form (seed 004) against what its offer allows: each choice one the offer offers, a
 * cloud order's data location one of the storages the parent can hand down (asked of Acronis now) and
 * confirmed as permanent, a SaaS order's currency one of the offer's and the cart's, the package priced in it.
 * Offers with fixed terms may go without the form. Throws a 400 naming the field.
 */
export async function assertPlanOrder(
  container: MedusaContainer,
  line: Pick<AcronisLine, "title" | "metadata" | "offer">,
  cartCurrency: string,
  place: PlanOrderPlace = "cart"
) {
  const terms = line.offer.plan
  if (line.offer.type !== "plan" || !terms) {
    return
  }
  const order = readPlanOrder(line.metadata)
  if (!order) {
    if (terms.order_form) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `plan_order: "${line.title}" is ordered with its order form: ${WORDING[place].form} ` +
          "(deployment, payment, package, customer, domain, admin_username; see the product's acronis-offer)."
      )
    }
    return
  }
  assertChoices(order, terms, cartCurrency, place)
  if (order.deployment === "cloud") {
    const locations = await container
      .resolve<AcronisModuleService>(ACRONIS_MODULE)
      .getDataLocations(line.offer.parent_tenant_id, line.offer.offering_item_names)
    if (!locations.some((location) => location.id === order.data_location)) {
      throw invalid(
        "data_location",
        `${order.data_location} is not a storage this offer can use; choose one of ${locations.map((l) => `${l.id} (${l.name})`).join(", ") || "none (Acronis offers no backup storage now)"}.`
      )
    }
  }
}

/** The choices that need nothing but the offer and the currency of the cart (or of the staff order's region). */
export function assertChoices(order: PlanOrder, terms: PlanTerms, cartCurrency: string, place: PlanOrderPlace = "cart") {
  const wording = WORDING[place]
  const among = (field: keyof PlanOrder, value: string, allowed: string[]) => {
    if (!allowed.includes(value)) {
      throw invalid(field, `"${value}" is not offered; choose one of ${allowed.join(", ")}.`)
    }
  }
  among("deployment", order.deployment, terms.deployments)
  among("payment", order.payment, terms.payments)
  among("package", order.package, terms.packages.map((pkg) => pkg.id))
  if (order.postponed_billing && !terms.postponed_billing) {
    throw invalid("postponed_billing", "this offer does not give a free first month; leave it false.")
  }
  const currency = cartCurrency.toLowerCase()
  if (order.deployment === "cloud") {
    if (!order.data_location) {
      throw invalid("data_location", "a cloud order keeps its data in the storage you choose: set one of the offer's data locations.")
    }
    if (!order.data_location_confirmed) {
      throw invalid("data_location_confirmed", "the data location cannot be changed once the tenant exists: confirm it (true).")
    }
    if (order.currency !== null) {
      throw invalid("currency", `a cloud order is in ${wording.currency}; leave it out.`)
    }
  } else {
    if (order.data_location !== null) {
      throw invalid("data_location", "a SaaS order has no data location to choose; leave it out.")
    }
    if (!order.currency) {
      throw invalid("currency", `a SaaS order names its currency: one of ${terms.currencies.join(", ")}.`)
    }
    among("currency", order.currency, terms.currencies)
    if (order.currency !== currency) {
      throw invalid("currency", `the order is in ${order.currency.toUpperCase()} but ${wording.sale} is in ${currency.toUpperCase()}: ${wording.region} ${order.currency.toUpperCase()}.`)
    }
  }
  const pkg = terms.packages.find((candidate) => candidate.id === order.package)!
  if (pkg.seat_prices[currency] === undefined) {
    throw invalid("package", `"${pkg.name}" has no price in ${currency.toUpperCase()}; choose a package priced in ${wording.currency}.`)
  }
}

/**
 * A cloud order for a consumer whose tenant exists keeps that tenant's storage: Acronis gives a customer tenant
 * one backup storage and moves it only while it is empty, so another location would only fail at provisioning.
 * Asks Acronis for the tenant's items; a 400 naming `plan_order.data_location` when the choice differs.
 */
export async function assertDataLocationsOfTenant(container: MedusaContainer, lines: Pick<AcronisLine, "metadata" | "offer">[], buyer: AcronisBuyer) {
  const cloud = lines.filter((line) => line.offer.type === "plan" && readPlanOrder(line.metadata)?.deployment === "cloud")
  const consumer = consumerOf(buyer)
  if (!cloud.length || !consumer) {
    return
  }
  const tenantId = await findCustomerTenantId(container, consumer)
  if (!tenantId) {
    return
  }
  for (const line of cloud) {
    await assertDataLocationOfTenant(container, line, readPlanOrder(line.metadata)!, tenantId)
  }
}

async function assertDataLocationOfTenant(container: MedusaContainer, line: Pick<AcronisLine, "offer">, order: PlanOrder, tenantId: string) {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const locations = await acronis.getDataLocations(line.offer.parent_tenant_id, line.offer.offering_item_names)
  const storages = new Set(locations.map((location) => location.id))
  const items = await acronis.getAcronisClient().offeringItems.list(tenantId)
  const current = items.find((item) => item.status === 1 && item.infra_id && storages.has(item.infra_id))?.infra_id
  if (current && current !== order.data_location) {
    const name = locations.find((location) => location.id === current)?.name ?? current
    throw invalid(
      "data_location",
      `your Acronis tenant already keeps its data in ${name} (${current}), and a tenant has one data location for good: choose ${current}.`
    )
  }
}
