/** Billing periods are calendar months in UTC, named "YYYY-MM"; days are "YYYY-MM-DD" (UTC). */
export type Period = string

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isPeriod(value: string): boolean {
  return PERIOD_RE.test(value)
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function periodOf(day: string): Period {
  return day.slice(0, 7)
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return utcDay(date)
}

export function periodBounds(period: Period): { start: string; end: string; days: number } {
  const match = PERIOD_RE.exec(period)
  if (!match) throw new RangeError(`period must be YYYY-MM, got ${period}`)
  const days = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate()
  return { start: `${period}-01`, end: `${period}-${String(days).padStart(2, "0")}`, days }
}

export function nextPeriod(period: Period): Period {
  return periodOf(addDays(periodBounds(period).end, 1))
}

export function previousPeriod(period: Period): Period {
  return periodOf(addDays(periodBounds(period).start, -1))
}

/** Inclusive list of days from `from` to `to`. */
export function daysFrom(from: string, to: string): string[] {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/** Whole days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/** Days from `from` to `to`, both included; a statement's service spans are lists of them. */
export type DayRange = { from: string; to: string }

/** A day past any billing date: the open end of a span still running. */
export const FAR_FUTURE = "9999-12-31"

/**
 * The same day of the month `months` later, or that month's last day when it is shorter: 31 Jan + 1 is
 * 28 Feb (29 in a leap year), 31 Jan + 2 is 31 Mar. Always counted from `day` itself, so a monthly
 * anniversary never drifts to the 28th after one short month.
 */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number)
  const lastOfTarget = new Date(Date.UTC(year, month - 1 + months + 1, 0))
  lastOfTarget.setUTCDate(Math.min(date, lastOfTarget.getUTCDate()))
  return utcDay(lastOfTarget)
}

/** Days in all the ranges (they do not overlap). */
export function countDays(ranges: DayRange[]): number {
  return ranges.reduce((sum, r) => sum + dayCount(r.from, r.to), 0)
}

/** The ranges without the days of `cut`. */
export function withoutDays(ranges: DayRange[], cut: DayRange | null): DayRange[] {
  if (!cut) return ranges
  return ranges.flatMap((r) => {
    const kept: DayRange[] = []
    if (r.from < cut.from) kept.push({ from: r.from, to: r.to < cut.from ? r.to : addDays(cut.from, -1) })
    if (r.to > cut.to) kept.push({ from: r.from > cut.to ? r.from : addDays(cut.to, 1), to: r.to })
    return kept
  })
}

/** Whether any day of the ranges falls in `range`. */
export function overlaps(ranges: DayRange[], range: DayRange): boolean {
  return ranges.some((r) => r.from <= range.to && r.to >= range.from)
}
