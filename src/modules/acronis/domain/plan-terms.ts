/**
 * A seat plan's order form (seed 004): what an offer lets the buyer choose, and the buyer's choices
 * (`plan_order`, carried in the line item's metadata). Pure: no Medusa, no Acronis.
 */

export const PLAN_DEPLOYMENTS = ["cloud", "saas"] as const
export const PLAN_PAYMENTS = ["post_paid", "pre_paid"] as const
export const CREDENTIAL_RECIPIENTS = ["account_manager", "customer"] as const

/** A DNS name of two labels or more: letters, digits and inner hyphens, up to 63 characters a label. */
export const DOMAIN_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/

export type PlanDeployment = (typeof PLAN_DEPLOYMENTS)[number]
export type PlanPayment = (typeof PLAN_PAYMENTS)[number]

/** Labels and explanations as seed 004 words them, for the storefront to draw the form with. */
export const PLAN_LABELS = {
  deployment: {
    label: "Instance",
    options: {
      cloud: { label: "Cloud", description: "Hosted in an Acronis data centre you choose (Data location)." },
      saas: { label: "SaaS", description: "Ordered in the currency you choose." },
    },
  },
  payment: {
    label: "Subscription",
    options: {
      post_paid: { label: "Post-paid", description: "You will be charged for the maximum quantity of user accounts you registered during the past month." },
      pre_paid: {
        label: "Pre-paid",
        description:
          "The price will be fixed until the end of the pre-paid period, regardless of the user accounts quantity as long as you stay within the plan conditions.",
      },
    },
  },
  data_location: { label: "Data location", description: "The data centre that stores and manages the user accounts. It cannot be changed later." },
  currency: { label: "Currency" },
  package: { label: "Plans" },
  postponed_billing: { label: "Postponed billing", description: "One month for free; after one month the customer has to either cancel or pay the subscription." },
  customer: { label: "Customer details" },
  domain: { label: "Domain", description: "Domain information is very important, enter it carefully." },
  admin_username: { label: "Administrator username", recommended: "Admin" },
  send_credentials_to: {
    label: "Send credentials to",
    options: {
      account_manager: { label: "The account manager who created the order (recommended)" },
      customer: { label: "The customer's contact person" },
    },
  },
} as const

export type PlanPackage = {
  id: string
  name: string
  included_seats: number | null
  seat_prices: Record<string, number>
  quotas: Record<string, { value: number | null; overage: number | null }>
}

/**
 * The form as stored. `deployment`, `payment`, `seat_prices` and `included_seats` repeat the first choice and
 * the first package: what an order that made no choice (before the form existed) bought.
 */
export type PlanTerms = {
  /**
   * Whether the buyer fills in the order form (`metadata.plan_order` required). False for offers saved with
   * fixed terms: their orders may leave it out and get the one choice of each, as before the form.
   */
  order_form: boolean
  deployments: PlanDeployment[]
  payments: PlanPayment[]
  billing_intervals: ("month" | "year")[]
  postponed_billing: boolean
  currencies: string[]
  packages: PlanPackage[]
  data_centers: string[]
  deployment: PlanDeployment
  payment: PlanPayment
  seat_prices: Record<string, number>
  included_seats: number | null
}

type StoredPlan = Partial<Omit<PlanTerms, "packages">> & { packages?: Partial<PlanPackage>[] }

/** Any stored plan, with or without choices, as a form with choices. */
export function normalizePlanTerms(raw: unknown): PlanTerms {
  const plan = (raw ?? {}) as StoredPlan
  const packages: PlanPackage[] = (
    plan.packages?.length
      ? plan.packages
      : [{ id: "standard", name: "Standard", included_seats: plan.included_seats ?? null, seat_prices: plan.seat_prices ?? {} }]
  ).map((pkg) => ({
    id: pkg.id ?? "standard",
    name: pkg.name ?? pkg.id ?? "Standard",
    included_seats: pkg.included_seats ?? null,
    seat_prices: pkg.seat_prices ?? {},
    quotas: pkg.quotas ?? {},
  }))
  const deployments = plan.deployments?.length ? plan.deployments : [plan.deployment ?? "cloud"]
  const payments = plan.payments?.length ? plan.payments : [plan.payment ?? "post_paid"]
  const priced = [...new Set(packages.flatMap((pkg) => Object.keys(pkg.seat_prices)))].sort()
  return {
    order_form: typeof plan.order_form === "boolean" ? plan.order_form : Array.isArray(plan.packages),
    deployments,
    payments,
    billing_intervals: plan.billing_intervals?.length ? plan.billing_intervals : ["month"],
    postponed_billing: plan.postponed_billing === true,
    currencies: plan.currencies?.length ? plan.currencies : priced,
    packages,
    data_centers: plan.data_centers ?? [],
    deployment: deployments[0],
    payment: payments[0],
    seat_prices: packages[0].seat_prices,
    included_seats: packages[0].included_seats,
  }
}

/** A buyer's order form, as the storefront sends it in `metadata.plan_order`. */
export type PlanOrder = {
  deployment: PlanDeployment
  payment: PlanPayment
  package: string
  postponed_billing: boolean
  /** Cloud: the storage (`infra_id`) the tenant's data lives in, for good. */
  data_location: string | null
  data_location_confirmed: boolean
  /** SaaS: the currency of the order. */
  currency: string | null
  customer: { company_name: string; contact_name: string; contact_email: string }
  domain: string
  admin_username: string
  send_credentials_to: (typeof CREDENTIAL_RECIPIENTS)[number][]
}

/** The terms a subscription bought: the offer's form narrowed to the buyer's choices. */
export function chosenPlanTerms(terms: PlanTerms, order: Pick<PlanOrder, "deployment" | "payment" | "package" | "postponed_billing">): PlanTerms {
  const pkg = terms.packages.find((candidate) => candidate.id === order.package) ?? terms.packages[0]
  return {
    ...terms,
    deployments: [order.deployment],
    payments: [order.payment],
    packages: [pkg],
    postponed_billing: terms.postponed_billing && order.postponed_billing,
    deployment: order.deployment,
    payment: order.payment,
    seat_prices: pkg.seat_prices,
    included_seats: pkg.included_seats,
  }
}

/**
 * The offer as a subscription bought it: a plan's terms narrowed to its order form (payment method, package
 * and its prices, free month), so billing, the free month's end and provisioning follow the buyer's choice.
 * Other offers, and plans ordered without the form, are returned as they are.
 */
export function offerAsBought<O extends { type: string; plan?: unknown }>(offer: O, subscription: { metadata?: Record<string, unknown> | null }): O {
  const order = subscription.metadata?.plan_order as PlanOrder | undefined
  if (offer.type !== "plan" || !order) {
    return offer
  }
  return { ...offer, plan: chosenPlanTerms(normalizePlanTerms(offer.plan), order) }
}

/**
 * Whether an order in `currency` can take the form as filled in: a SaaS order is in the currency it chose, a
 * cloud order in one its package is priced in. The admin's wizard picks the region by it when none is named.
 */
export function currencyFitsPlanOrder(terms: PlanTerms, order: Pick<PlanOrder, "deployment" | "currency" | "package">, currency: string): boolean {
  const code = currency.toLowerCase()
  if (order.deployment === "saas") {
    return order.currency?.toLowerCase() === code
  }
  const pkg = terms.packages.find((candidate) => candidate.id === order.package)
  return pkg?.seat_prices[code] !== undefined
}
