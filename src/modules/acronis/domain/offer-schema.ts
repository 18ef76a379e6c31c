import { defaultCurrencies } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import {
  ACRONIS_SERVICES,
  CONTRACT_CURRENCIES,
  FILE_SYNC_SHARE_MODELS,
  PROTECTION_MODELS,
} from "./licensing"
import { normalizePlanTerms, PLAN_DEPLOYMENTS, PLAN_PAYMENTS } from "./plan-terms"

// A price in a currency Medusa does not know could never be charged: no store can sell in it.
const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "must be an ISO 4217 currency code such as usd")
  .refine((code) => code.toUpperCase() in defaultCurrencies, "is not a currency Medusa knows (an ISO 4217 code such as usd)")
  .transform((code) => code.toLowerCase())

const amountsByCurrency = z.record(currencyCode, z.number().min(0, "must be zero or more"))

const quota = z
  .object({
    value: z.number().int().min(0).nullable(),
    overage: z.number().int().min(0).nullable().default(null),
  })
  .strict()

const offeringItem = z
  .object({
    name: z.string().min(1),
    edition: z.string().min(1).nullable().default(null),
    quota: quota.nullable().default(null),
  })
  .strict()

const common = {
  offering_items: z.array(offeringItem).max(300).default([]),
  unit_prices: z.record(z.string().min(1), amountsByCurrency).default({}),
  storage_basis: z.enum(["peak", "last_day"]).default("peak"),
  pricing_mode: z.enum(["trial", "production"]).default("production"),
  parent_tenant_id: z.uuid().nullable().default(null),
  datacenter_url: z.url({ protocol: /^https?$/ }).nullable().default(null),
  metadata: z.record(z.string(), z.unknown()).nullable().default(null),
}

const services = z.array(z.enum(ACRONIS_SERVICES)).min(1).default([...ACRONIS_SERVICES])

const ppuOffer = z
  .object({
    type: z.literal("ppu"),
    protection_models: z.array(z.enum(PROTECTION_MODELS)).min(1, "offer at least one Protection licensing model"),
    file_sync_share_models: z
      .array(z.enum(FILE_SYNC_SHARE_MODELS))
      .min(1, "offer at least one File Sync & Share licensing model"),
    services,
    ...common,
  })
  .strict()

const contractOffer = z
  .object({
    type: z.literal("contract"),
    contract_tier: z.number().int().min(0, "tiers run from 0 to 7").max(7, "tiers run from 0 to 7"),
    commitments: amountsByCurrency,
    services,
    ...common,
  })
  .strict()

const planPackage = z
  .object({
    /** What the order names the package by (`plan_order.package`). */
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "lower-case letters, digits, _ and -"),
    name: z.string().min(1),
    included_seats: z.number().int().min(0).nullable().default(null),
    seat_prices: amountsByCurrency.default({}),
    /** Quotas of the package, by offering item name; items it does not name keep the offer's `offering_items` quota. */
    quotas: z.record(z.string().min(1), quota).default({}),
  })
  .strict()

/**
 * The seat plan's order form (seed 004). Offers saved before the form fixed one deployment, one payment method
 * and one price list (`deployment`, `payment`, `seat_prices`, `included_seats`): those are still taken and
 * read as a form with one choice each (`normalizePlanTerms`). `data_centers` was a label list; data locations
 * now come live from Acronis (the parent's backup storages), so it is kept but no longer read.
 */
const planTerms = z
  .object({
    deployments: z.array(z.enum(PLAN_DEPLOYMENTS)).min(1).optional(),
    payments: z.array(z.enum(PLAN_PAYMENTS)).min(1).optional(),
    billing_intervals: z.array(z.enum(["month", "year"])).min(1),
    postponed_billing: z.boolean().default(false),
    /** SaaS orders: the currencies the buyer may order in. Default: every currency a package is priced in. */
    currencies: z.array(currencyCode).optional(),
    packages: z.array(planPackage).min(1, "offer at least one package").optional(),
    data_centers: z.array(z.string().min(1)).optional(),
    /** As stored (`normalizePlanTerms`): false for offers saved with fixed terms, so saving one back keeps it so. */
    order_form: z.boolean().optional(),
    // The form before it had choices.
    deployment: z.enum(PLAN_DEPLOYMENTS).optional(),
    payment: z.enum(PLAN_PAYMENTS).optional(),
    seat_prices: amountsByCurrency.optional(),
    included_seats: z.number().int().min(0).nullable().optional(),
  })
  .strict()
  .superRefine((plan, ctx) => {
    const issue = (field: string, message: string) =>
      // Medusa's error formatter drops the path of custom issues: name the field in the message.
      ctx.addIssue({ code: "custom", path: field.split(".").slice(1), message: `${field}: ${message}` })
    // The fixed terms beside the choices only as the stored form repeats them (an offer read and saved back).
    const implied = {
      deployment: plan.deployments?.[0],
      payment: plan.payments?.[0],
      seat_prices: plan.packages?.[0]?.seat_prices,
      included_seats: plan.packages?.[0]?.included_seats,
    }
    const pairs = [["deployments", "deployment"], ["payments", "payment"], ["packages", "seat_prices"], ["packages", "included_seats"]] as const
    for (const [form, fixed] of pairs) {
      if (plan[form] !== undefined && plan[fixed] !== undefined && JSON.stringify(plan[fixed]) !== JSON.stringify(implied[fixed])) {
        issue(`plan.${fixed}`, `give either ${form} (the choices) or ${fixed}, not both`)
      }
    }
    if (!plan.deployments && !plan.deployment) issue("plan.deployments", "say which deployments (cloud, saas) the buyer may order")
    if (!plan.payments && !plan.payment) issue("plan.payments", "say which payment methods (pre_paid, post_paid) the buyer may choose")
    const prePaid = (plan.payments ?? [plan.payment]).includes("pre_paid")
    if (!prePaid) return
    // The fee is included seats × seat price; guessing seats from quotas once billed bytes as seats.
    const seatsMessage = "a pre-paid plan's fee is its included user accounts × the seat price: say how many it includes"
    if (!plan.packages && (plan.included_seats ?? null) === null) issue("plan.included_seats", seatsMessage)
    plan.packages?.forEach((pkg, index) => {
      if (pkg.included_seats === null) issue(`plan.packages.${index}.included_seats`, seatsMessage)
    })
    const ids = plan.packages?.map((pkg) => pkg.id) ?? []
    ids.forEach((id, index) => ids.indexOf(id) !== index && issue(`plan.packages.${index}.id`, `"${id}" is used twice`))
  })
  .transform((plan) => normalizePlanTerms(plan))

const planOffer = z
  .object({
    type: z.literal("plan"),
    plan: planTerms,
    services: z.array(z.enum(ACRONIS_SERVICES)).min(1).default(["protection"]),
    ...common,
  })
  .strict()

/** An offer as a merchant describes it (admin API, seed): defaults filled in, every field checked. */
export const acronisOfferSchema = z
  // Checked first so an unknown type is answered with the allowed values, not a bare "Invalid input".
  .looseObject({ type: z.enum(["ppu", "contract", "plan"]) })
  .pipe(z.discriminatedUnion("type", [ppuOffer, contractOffer, planOffer]))
  .superRefine((offer, ctx) => {
    if (offer.type === "contract") {
      for (const currency of Object.keys(offer.commitments)) {
        if (!(CONTRACT_CURRENCIES as readonly string[]).includes(currency)) {
          ctx.addIssue({
            code: "custom",
            path: ["commitments", currency],
            // Medusa's error formatter drops the path of custom issues: name the field in the message.
            message: `commitments.${currency}: contracts are sold only in ${CONTRACT_CURRENCIES.join(", ").toUpperCase()}`,
          })
        }
      }
    }
    if (offer.type === "plan") {
      // A package's quota sets an item the offer enables; an item it does not enable would never be provisioned.
      const enabled = new Set(offer.offering_items.map((item) => item.name))
      // Absent when the plan itself was refused (zod still runs this refinement).
      const packages = offer.plan.packages ?? []
      packages.forEach((pkg, index) => {
        for (const name of Object.keys(pkg.quotas)) {
          if (!enabled.has(name)) {
            ctx.addIssue({
              code: "custom",
              path: ["plan", "packages", index, "quotas", name],
              message: `plan.packages.${index}.quotas.${name}: not one of the offer's offering_items; add it there first`,
            })
          }
        }
      })
    }
    if (offer.type === "ppu") {
      offer.offering_items.forEach((item, index) => {
        if (item.quota && (item.quota.value !== null || item.quota.overage !== null)) {
          ctx.addIssue({
            code: "custom",
            path: ["offering_items", index, "quota"],
            message: `offering_items.${index}.quota: pay-per-use offers are unlimited: leave the quota out`,
          })
        }
      })
    }
  })

export type AcronisOfferInput = z.infer<typeof acronisOfferSchema>
