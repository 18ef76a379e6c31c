import { z } from "@medusajs/framework/zod"
import { DOMAIN_NAME } from "../../../../modules/acronis/domain/plan-terms"

export const StoreAcronisLoginAvailability = z.object({
  login: z.string().trim().min(1).max(254),
  /** The cart the login is for: its own reservation does not count, and its items set the format. */
  cart_id: z.string().min(1).optional(),
})
export type StoreAcronisLoginAvailabilityType = z.infer<typeof StoreAcronisLoginAvailability>

export const StoreAcronisLoginProposal = z.object({
  /** The administrator's username; seed 004 recommends "Admin". */
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?$/, "username: letters, digits, \".\", \"_\" or \"-\" (we recommend Admin)")
    .default("Admin"),
  domain: z
    .string()
    .trim()
    .transform((domain) => domain.toLowerCase())
    .refine((domain) => DOMAIN_NAME.test(domain), "domain: must be a domain name such as contoso.com"),
  cart_id: z.string().min(1).optional(),
})
export type StoreAcronisLoginProposalType = z.infer<typeof StoreAcronisLoginProposal>
