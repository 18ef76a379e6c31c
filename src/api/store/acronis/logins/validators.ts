import { z } from "@medusajs/framework/zod"

export const StoreAcronisLoginAvailability = z.object({
  login: z.string().trim().min(1).max(254),
  /** The cart the login is for: its own reservation does not count, and its items set the format. */
  cart_id: z.string().min(1).optional(),
})
export type StoreAcronisLoginAvailabilityType = z.infer<typeof StoreAcronisLoginAvailability>
