import { z } from "@medusajs/framework/zod"
import { SUBSCRIPTION_STATUSES } from "../../../../modules/acronis/domain/subscription-status"

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[])

export const AdminListAcronisSubscriptions = z.object({
  status: oneOrMany(z.enum(SUBSCRIPTION_STATUSES)).optional(),
  customer_id: z.string().min(1).optional(),
  order_id: z.string().min(1).optional(),
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
