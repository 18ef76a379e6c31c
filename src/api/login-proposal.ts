import { z } from "@medusajs/framework/zod"
import { domainName } from "../workflows/acronis-checkout/plan-order"

/** What a login proposal for a plan's administrator is built from, in the store and in the admin's wizard. */
export const LoginProposalQuery = z.object({
  /** The administrator's username; seed 004 recommends "Admin". */
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,38}[A-Za-z0-9])?$/, "username: letters, digits, \".\", \"_\" or \"-\" (we recommend Admin)")
    .default("Admin"),
  domain: domainName,
})
