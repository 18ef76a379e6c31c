/**
 * Formatting and error helpers of the account and reseller screens: amounts arrive as decimal strings in
 * major units, days as YYYY-MM-DD (UTC), and a refused request names its field at the start of each part.
 */

/** A day or instant as "7 Dec 2026", in UTC: billing days are UTC days. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return "—"
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
  if (Number.isNaN(date.getTime())) return value
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
}

/** "2026-10" as "October 2026". */
export function formatPeriod(period: string): string {
  const [year, month] = period.split("-").map(Number)
  if (!year || !month) return period
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" })
}

export const SUBSCRIPTION_TYPE_LABELS: Record<string, string> = { ppu: "Pay per use", contract: "Contract", plan: "Seat plan" }

export const LICENSING_MODEL_LABELS: Record<string, string> = {
  per_gigabyte: "Per gigabyte",
  per_workload: "Per workload",
  per_user: "Per user",
}

/** The colour of a status badge: green when it runs, orange while it waits, red when it stopped or failed. */
export function statusColor(status: string): "green" | "orange" | "red" | "grey" | "blue" {
  if (status === "active") return "green"
  if (status === "pending" || status === "provisioning") return "orange"
  if (status === "suspended" || status === "failed" || status === "disabled") return "red"
  if (status === "terminated" || status === "cancelled") return "grey"
  return "blue"
}

export const statusLabel = (status: string) => status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ")

/**
 * A refusal split by field: each `; `-separated part that starts with `field:` (or `users[0].field:`, or
 * Medusa's "… for field 'x'") goes to that field when the form has it; the rest is the form's own message.
 */
export function fieldErrorsOf(message: string, fields: readonly string[]): { fields: Record<string, string>; general: string | null } {
  const found: Record<string, string> = {}
  const rest: string[] = []
  for (const part of message.replace(/^Invalid request:\s*/, "").split("; ")) {
    const named = /^([\w$.[\]-]+):\s+(.*)$/s.exec(part)
    const medusa = /field '([^']+)'/.exec(part)
    const path = named?.[1] ?? medusa?.[1]
    const field = path?.split(/[.[\]]/).filter(Boolean).pop()
    if (field && fields.includes(field)) {
      // A reason may repeat its field's own name (`users.0.email: users[0].email: …`): keep the words only.
      const reason = (named ? named[2] : part).replace(/^(?:[\w$.[\]-]+:\s+)+/, "")
      found[field] = found[field] ? `${found[field]}; ${reason}` : reason.charAt(0).toUpperCase() + reason.slice(1)
    } else {
      rest.push(part)
    }
  }
  return { fields: found, general: rest.length ? rest.join("; ") : null }
}

/** Props of an input tied to its error text (`aria-invalid`, `aria-describedby`). */
export function describedBy(id: string, error: string | undefined, hintId?: string) {
  const ids = [error ? `${id}-error` : null, hintId ?? null].filter(Boolean).join(" ")
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined }
}
