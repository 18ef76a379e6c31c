import { z } from "@medusajs/framework/zod"

export const StoreAcceptAcronisTerms = z
  .object({
    terms_version: z.string().min(1).max(40),
    accepted: z.literal(true, { message: "must be true: the terms of use are accepted, never declined, here" }),
  })
  .strict()
export type StoreAcceptAcronisTermsType = z.infer<typeof StoreAcceptAcronisTerms>

export const StoreAcronisServiceDetails = z
  .object({
    /** A username (JohnDoe) or an e-mail; an e-mail for contracts (checked against the cart's items). */
    login: z.string().trim().min(1).max(254),
    /** Where Acronis sends the activation e-mail. */
    email: z.email().max(254),
  })
  .strict()
export type StoreAcronisServiceDetailsType = z.infer<typeof StoreAcronisServiceDetails>
