import { z } from "@medusajs/framework/zod"
import { emailError, normalizeUserInput, userFieldErrors } from "../../../../modules/reseller/user-fields"

const text = (max = 255) => z.string().trim().min(1).max(max)
const optionalText = (max = 255) => z.string().trim().max(max).nullish()

// Medusa's error message shows a custom issue's message alone, so the message names its field.
const checked = (field: string, check: (value: string) => string | null) =>
  z.string().superRefine((value, ctx) => {
    const reason = check(value)
    if (reason) ctx.addIssue({ code: "custom", message: `${field}: ${reason}` })
  })

export const StoreCreateSubAccount = z
  .object({
    kind: z.enum(["end_customer", "sub_division"]),
    name: text(),
    email: checked("email", (value) => emailError(value.trim().toLowerCase())).transform((value) => value.trim().toLowerCase()),
    phone: optionalText(50),
    address_1: text(),
    address_2: optionalText(),
    city: text(100),
    province: optionalText(100),
    postal_code: text(20),
    country_code: z.string().trim().regex(/^[A-Za-z]{2}$/, 'country_code: must be an ISO 3166-1 alpha-2 code, e.g. "de"').transform((value) => value.toLowerCase()),
    /** Defaults to the customer making the request. */
    notification_customer_id: z.string().min(1).optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict()
export type StoreCreateSubAccountType = z.infer<typeof StoreCreateSubAccount>

export const StoreReviewSubAccount = z
  .object({
    name: text(),
    email: z.string().trim().optional(),
    address_1: z.string().trim().optional(),
    postal_code: z.string().trim().optional(),
    country_code: z.string().trim().optional(),
  })
  .passthrough()
export type StoreReviewSubAccountType = z.infer<typeof StoreReviewSubAccount>

export const StoreSubAccountUser = z
  .object({
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    language: z.string(),
    time_zone: z.string(),
  })
  .strict()

/** The same checks and wording as the CSV import (`userFieldErrors`), each naming `users[i].field`. */
export const StoreAddSubAccountUsers = z
  .object({ users: z.array(StoreSubAccountUser).min(1).max(100) })
  .strict()
  .superRefine(({ users }, ctx) => {
    users.forEach((user, index) => {
      for (const { field, reason } of userFieldErrors(normalizeUserInput(user))) {
        ctx.addIssue({ code: "custom", path: ["users", index, field], message: `users[${index}].${field}: ${reason}` })
      }
    })
  })
export type StoreAddSubAccountUsersType = z.infer<typeof StoreAddSubAccountUsers>

/**
 * A CSV upload, sent as JSON so no multipart middleware is needed: the file's text in `csv`
 * (header `email,first_name,last_name,language,time_zone`, ≤ 1 MB, ≤ 1,000 users). `dry_run: true` only
 * previews: every row with its errors, nothing written.
 */
export const StoreImportSubAccountUsers = z
  .object({ csv: z.string(), dry_run: z.boolean().optional().default(false) })
  .strict()
export type StoreImportSubAccountUsersType = z.infer<typeof StoreImportSubAccountUsers>

export const StoreListSubAccounts = z.object({
  status: z.enum(["pending", "active", "disabled"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().default(50),
  offset: z.coerce.number().int().min(0).optional().default(0),
})
export type StoreListSubAccountsType = z.infer<typeof StoreListSubAccounts>
