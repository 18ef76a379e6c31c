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
