import { z } from "@medusajs/framework/zod"
import { FILE_SYNC_SHARE_MODELS, PROTECTION_MODELS } from "../../../../modules/acronis/domain/licensing"
import { SUBSCRIPTION_STATUSES } from "../../../../modules/acronis/domain/subscription-status"
import { TERM_CHANGE_TYPES } from "../../../../modules/acronis/domain/term-history"

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[])

export const AdminListAcronisSubscriptions = z.object({
  status: oneOrMany(z.enum(SUBSCRIPTION_STATUSES)).optional(),
  type: oneOrMany(z.enum(["ppu", "contract", "plan"])).optional(),
  customer_id: z.string().min(1).optional(),
  reseller_id: z.string().min(1).optional(),
  order_id: z.string().min(1).optional(),
  /** Only what staff must act on: failed provisioning, or a statement on hold. */
  needs_attention: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(20),
  offset: z.coerce.number().int().min(0).optional().default(0),
})
export type AdminListAcronisSubscriptionsType = z.infer<typeof AdminListAcronisSubscriptions>

export const AdminSuspendAcronisSubscription = z
  .object({
    /** Why, for the subscription's history. */
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
export type AdminSuspendAcronisSubscriptionType = z.infer<typeof AdminSuspendAcronisSubscription>

export const AdminResumeAcronisSubscription = z.object({}).strict()

export const AdminTerminateAcronisSubscription = z.object({}).strict()

// A change of a live subscription's terms: the same body for staff and for the customer who owns it.
const licensingModelChange = z
  .object({
    type: z.literal("licensing_model"),
    protection_licensing_model: z.enum(PROTECTION_MODELS).optional(),
    file_sync_share_licensing_model: z.enum(FILE_SYNC_SHARE_MODELS).optional(),
  })
  .strict()
  .refine((body) => body.protection_licensing_model || body.file_sync_share_licensing_model, {
    // Medusa's error formatter drops the path of refinements: the message names the fields.
    message: "protection_licensing_model or file_sync_share_licensing_model: name the licensing model to switch to",
  })
const contractTierChange = z.object({ type: z.literal("contract_tier"), offer_id: z.string().trim().min(1) }).strict()
const seatsChange = z.object({ type: z.literal("seats"), seats: z.number().int().min(1).max(100_000) }).strict()
const billingIntervalChange = z.object({ type: z.literal("billing_interval"), interval: z.enum(["month", "year"]) }).strict()

export const AcronisSubscriptionChange = z
  // The type is checked first so an unknown one is answered with the allowed values, not a bare "Invalid input".
  .looseObject({ type: z.enum(TERM_CHANGE_TYPES) })
  .pipe(z.discriminatedUnion("type", [licensingModelChange, contractTierChange, seatsChange, billingIntervalChange]))
export type AcronisSubscriptionChangeType = z.infer<typeof AcronisSubscriptionChange>

/** A cloud plan's new data location: the storage's `infra_id`, one of the plan's data locations. */
export const AdminChangeAcronisDataLocation = z.object({ data_location: z.string().trim().min(1) }).strict()
export type AdminChangeAcronisDataLocationType = z.infer<typeof AdminChangeAcronisDataLocation>
