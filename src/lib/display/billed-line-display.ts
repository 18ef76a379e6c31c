import { offeringItemLabel } from "./offering-item-labels"

// How the admin and the storefront show a statement or estimate line: Acronis's names for offering items, and quantities rounded
// for reading. Display only: the API's exact strings stay what is billed, and money is never rounded here.

export type BilledLine = { offering_item: string | null; description: string; quantity: string; unit: string }

// Units measured on a continuous scale (binary GB, hours, months of a fee): two decimals are plenty to read.
const MEASURED_UNITS = new Set(["GB", "hours", "months"])
// Units shown without a word: a bare count of workloads, seats of an item, and so on.
const SILENT_UNITS = new Set(["units"])
const SINGULAR: Record<string, string> = { hours: "hour", months: "month", seats: "seat", payments: "payment" }
// The billing domain writes a plan's quota in Acronis units (bytes, seconds); these turn it into the line's unit.
const PER_UNIT: Record<string, number> = { GB: 1024 ** 3, hours: 3600 }

const number = (value: number, decimals: number, locale?: string) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value)

/**
 * A quantity as a person reads it: at most 2 decimals for GB, hours and months; a count as a whole number,
 * or with 2 decimals when it is a share of one (a level held part of the month).
 */
export function formatLineQuantity(line: Pick<BilledLine, "quantity" | "unit">, locale?: string): string {
  const value = Number(line.quantity)
  if (!Number.isFinite(value)) return [line.quantity, line.unit].filter(Boolean).join(" ")
  const decimals = MEASURED_UNITS.has(line.unit) || !Number.isInteger(value) ? 2 : 0
  const shown = number(value, decimals, locale)
  if (SILENT_UNITS.has(line.unit) || !line.unit) return shown
  const unit = shown === "1" && SINGULAR[line.unit] ? SINGULAR[line.unit] : line.unit
  return `${shown} ${unit}`
}

/**
 * A line's description with Acronis's display name for its offering item ("Backup storage — per gigabyte,
 * peak storage" rather than "pg_base_storage — peak storage"), and a plan's quota in the line's unit.
 */
export function formatLineDescription(line: Pick<BilledLine, "offering_item" | "description" | "unit">, locale?: string): string {
  const item = line.offering_item
  let text = line.description
  if (item && text.startsWith(item)) {
    const label = offeringItemLabel(item)
    // The label may carry its own dash ("… — per gigabyte"): the line's part follows after a comma then.
    const rest = text.slice(item.length)
    text = label.includes(" — ") && rest.startsWith(" — ") ? `${label}, ${rest.slice(3)}` : `${label}${rest}`
  }
  const per = PER_UNIT[line.unit]
  if (per) {
    text = text.replace(/above the plan's (\d+)/, (_, raw: string) => `above the plan's ${number(Number(raw) / per, 2, locale)} ${line.unit}`)
  }
  return text
}

/**
 * A reconciliation figure (bytes, seconds or a count, as Acronis reports it) with its digits grouped:
 * "85,500,000,000". Kept whole, not rounded: the difference can be smaller than any rounding would show.
 */
export function formatAcronisFigure(raw: string, locale?: string): string {
  return /^-?\d+$/.test(raw) ? new Intl.NumberFormat(locale).format(BigInt(raw)) : raw
}
