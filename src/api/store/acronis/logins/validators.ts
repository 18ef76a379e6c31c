import { z } from "@medusajs/framework/zod"
import { LoginProposalQuery } from "../../../login-proposal"

export const StoreAcronisLoginAvailability = z.object({
  login: z.string().trim().min(1).max(254),
  /** The cart the login is for: its own reservation does not count, and its items set the format. */
  cart_id: z.string().min(1).optional(),
})
export type StoreAcronisLoginAvailabilityType = z.infer<typeof StoreAcronisLoginAvailability>

export const StoreAcronisLoginProposal = LoginProposalQuery.extend({
  /** The cart the login is for: its own reservation does not count. */
  cart_id: z.string().min(1).optional(),
})
export type StoreAcronisLoginProposalType = z.infer<typeof StoreAcronisLoginProposal>
