/**
 * A statement's life. `on_hold` is never final: every close run computes it again, and it is issued once its
 * usage has synced past the month's last billed day and Acronis's usage report for the month is ready, or
 * when staff release it. Only `issued` and `billed` statements count as closed.
 *
 * ```
 * on_hold ──► issued ──► billed (its Medusa order or draft order exists)
 *    ▲  │
 *    └──┘ (each close run, until the reason is gone)
 * ```
 */
export const STATEMENT_STATUSES = ["draft", "on_hold", "issued", "billed"] as const
export type StatementStatus = (typeof STATEMENT_STATUSES)[number]

export const CLOSED_STATEMENT_STATUSES = ["issued", "billed"] as const satisfies readonly StatementStatus[]

/** Why a month cannot be billed yet, for a person to see. */
export type HoldReason =
  | { code: "usage_not_synced"; message: string; last_synced_at: string | null }
  | { code: "report_unavailable"; message: string }

export function isClosed(status: string): boolean {
  return (CLOSED_STATEMENT_STATUSES as readonly string[]).includes(status)
}

/**
 * Why a month's statement must wait, or null when it can be issued. Usage is complete when a sync succeeded
 * on or after the month's last billed day (a day without a sync would carry an older value into it); the
 * reconciliation needs Acronis's report for the month. A month with no billed day waits for nothing.
 */
export function holdReasonFor(input: {
  last_billed_day: string | null
  last_synced_at: string | null
  report: { available: true } | { available: false; error: string }
}): HoldReason | null {
  if (input.last_billed_day === null) return null
  const syncedOn = input.last_synced_at ? input.last_synced_at.slice(0, 10) : null
  if (syncedOn === null || syncedOn < input.last_billed_day) {
    return {
      code: "usage_not_synced",
      message: syncedOn
        ? `usage last synced on ${syncedOn}, before the last billed day ${input.last_billed_day}`
        : "usage has never synced from Acronis",
      last_synced_at: input.last_synced_at,
    }
  }
  if (!input.report.available) {
    return { code: "report_unavailable", message: `Acronis's usage report for the month is not available: ${input.report.error}` }
  }
  return null
}
