import { z } from "@medusajs/framework/zod"

// Months this century only: a year like 0000 or 9999 is a typo, and billing loops over the days of the period.
const period = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, "period: must be a month as YYYY-MM, from 2000-01 to 2099-12")

export const AdminGetAcronisUsage = z.object({ period: period.optional() }).strict()
export type AdminGetAcronisUsageType = z.infer<typeof AdminGetAcronisUsage>

export const AdminCloseAcronisMonth = z
  .object({
    period,
    /** Only these subscriptions; every subscription billable in the month otherwise. */
    subscription_ids: z.array(z.string().min(1)).min(1).max(500).optional(),
    /** Show what would be billed, write nothing. */
    dry_run: z.boolean().default(false),
    /** Issue statements that would stay on hold (usage not synced, no Acronis report); the reason stays on them. */
    release_hold: z.boolean().default(false),
  })
  .strict()
export type AdminCloseAcronisMonthType = z.infer<typeof AdminCloseAcronisMonth>

/** A month's statements: JSON a page at a time, or the whole month as CSV. */
export const AdminListAcronisMonthStatements = z
  .object({
    period,
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number().int().min(1).max(100).optional().default(50),
    offset: z.coerce.number().int().min(0).optional().default(0),
  })
  .strict()
export type AdminListAcronisMonthStatementsType = z.infer<typeof AdminListAcronisMonthStatements>
