/**
 * A statement's life. `draft` is the moment it is being written (its lines, then its status); `on_hold` is
 * never final: every close run computes it again, and it is issued once its usage has synced up to the
 * month's last billed day and Acronis's usage report for the month is ready, or when staff release it.
 * `issued` statements are final; one with a positive total is then billed.
 *
 * ```
 * draft ──► on_hold ──► issued ──► billed (its Medusa order or draft order exists)
 *   │          ▲  │        ▲
 *   │          └──┘        │ (each close run, until the reason is gone)
 *   └──────────────────────┘
 * ```
 */
export const STATEMENT_STATUSES = ["draft", "on_hold", "issued", "billed"] as const
export type StatementStatus = (typeof STATEMENT_STATUSES)[number]

/** Final: its lines and total never change again. */
export const CLOSED_STATEMENT_STATUSES = ["issued", "billed"] as const satisfies readonly StatementStatus[]

/**
 * Nothing left to do for the month: billed, or issued with nothing to charge. An issued statement with a
 * positive total and no order yet (a run that stopped before its order) is still due, so the next close
 * run makes or finds the order.
 */
export function isSettled(statement: { status: string; total: string }): boolean {
  return statement.status === "billed" || (statement.status === "issued" && !(Number(statement.total) > 0))
}

/** Why a month cannot be billed yet, for a person to see. */
export type HoldReason =
  | { code: "usage_not_synced"; message: string; last_synced_at: string | null }
  | { code: "report_unavailable"; message: string }

export function isClosed(status: string): boolean {
  return (CLOSED_STATEMENT_STATUSES as readonly string[]).includes(status)
}

/**
 * Why a month's statement must wait, or null when it can be issued. Usage is complete when a sync read the
 * month's last billed day: a day without a snapshot would carry an older value into it, so days nobody read
 * are never billed from the last known values. (A tenant that reports no usage at all has no snapshots; a
 * sync on or after that day is enough for it.) The reconciliation needs Acronis's report for the month.
 * A month with no billed day waits for nothing.
 */
export function holdReasonFor(input: {
  last_billed_day: string | null
  last_synced_at: string | null
  /** The UTC days of the month that have a snapshot. */
  snapshot_days: readonly string[]
  report: { available: true } | { available: false; error: string }
}): HoldReason | null {
  if (input.last_billed_day === null) return null
  const syncedOn = input.last_synced_at ? input.last_synced_at.slice(0, 10) : null
  const readLastDay = input.snapshot_days.includes(input.last_billed_day)
  const reportsNothing = input.snapshot_days.length === 0 && syncedOn !== null && syncedOn >= input.last_billed_day
  if (!readLastDay && !reportsNothing) {
    return {
      code: "usage_not_synced",
      message: syncedOn
        ? `usage was not read on the last billed day ${input.last_billed_day} (last synced on ${syncedOn})`
        : "usage has never synced from Acronis",
      last_synced_at: input.last_synced_at,
    }
  }
  if (!input.report.available) {
    return { code: "report_unavailable", message: `Acronis's usage report for the month is not available: ${input.report.error}` }
  }
  return null
}
