import { z } from "@medusajs/framework/zod"
import {
  ACRONIS_SERVICES,
  CONTRACT_CURRENCIES,
  FILE_SYNC_SHARE_MODELS,
  PROTECTION_MODELS,
} from "./licensing"

const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "must be an ISO 4217 currency code such as usd")
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

const planOffer = z
  .object({
    type: z.literal("plan"),
    plan: z
      .object({
        deployment: z.enum(["cloud", "saas"]),
        payment: z.enum(["pre_paid", "post_paid"]),
        billing_intervals: z.array(z.enum(["month", "year"])).min(1),
        data_centers: z.array(z.string().min(1)).min(1, "offer at least one data centre"),
        postponed_billing: z.boolean().default(false),
        seat_prices: amountsByCurrency.default({}),
        included_seats: z.number().int().min(0).nullable().default(null),
      })
      .strict(),
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
    if (offer.type === "plan" && offer.plan.payment === "pre_paid" && offer.plan.included_seats === null) {
      // The fee is included seats × seat price; guessing seats from quotas once billed bytes as seats.
      ctx.addIssue({
        code: "custom",
        path: ["plan", "included_seats"],
        message: "plan.included_seats: a pre-paid plan's fee is its included user accounts × the seat price: say how many it includes",
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
