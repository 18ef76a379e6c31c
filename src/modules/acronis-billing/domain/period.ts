/**
 * Billing periods are calendar months in UTC, named "YYYY-MM"; days are "YYYY-MM-DD" (UTC).
 *
 * Every day and month here is checked to be a real one between FIRST_DAY and FAR_FUTURE, and every result
 * stays in that range or throws a RangeError. Within it the names have one fixed width, so comparing them as
 * strings compares them as dates, and a walk from one to another has a known number of steps: past
 * 9999-12-31, `toISOString` writes "+010000-01-01", which sorts before "9999-…", and a loop over days
 * that relied on the comparison never ended.
 */
export type Period = string

/** The earliest day billing names: a year before it is a typo or corrupt data, not a month to bill. */
export const FIRST_DAY = "1900-01-01"
/** A day past any billing date: the open end of a span still running, and the last day billing names. */
export const FAR_FUTURE = "9999-12-31"

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/
const DAY_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const MS_PER_DAY = 86_400_000
const FIRST_YEAR = 1900
const LAST_YEAR = 9999
/** A list of days longer than this is a caller's mistake (a month's days, or an estimate's), not a list to build. */
export const MAX_LISTED_DAYS = 3_660

const shown = (value: unknown) => JSON.stringify(String(value).slice(0, 40))

function checkYear(year: number, value: string) {
  if (year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`${shown(value)} is outside the years ${FIRST_YEAR} to ${LAST_YEAR}`)
}

/** Days since 1970-01-01 of a real calendar day in range; a RangeError names anything else. */
export function dayNumber(day: string): number {
  const match = typeof day === "string" ? DAY_RE.exec(day) : null
  if (!match) throw new RangeError(`a day must be YYYY-MM-DD, got ${shown(day)}`)
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])]
  checkYear(year, day)
  const at = new Date(Date.UTC(2000, month - 1, date))
  at.setUTCFullYear(year)
  if (at.getUTCMonth() !== month - 1) throw new RangeError(`${shown(day)} is not a calendar day`)
  return at.getTime() / MS_PER_DAY
}

const FIRST_DAY_NUMBER = dayNumber(FIRST_DAY)
const LAST_DAY_NUMBER = dayNumber(FAR_FUTURE)

/** The day `n` days after 1970-01-01, or a RangeError when it falls outside the range billing names. */
function dayAt(n: number): string {
  if (!Number.isSafeInteger(n) || n < FIRST_DAY_NUMBER || n > LAST_DAY_NUMBER) {
    throw new RangeError(`a day must fall between ${FIRST_DAY} and ${FAR_FUTURE}`)
  }
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
}

/** Months since January of year 0 of a period in range; a RangeError names anything else. */
export function periodNumber(period: Period): number {
  const match = typeof period === "string" ? PERIOD_RE.exec(period) : null
  if (!match) throw new RangeError(`period must be YYYY-MM, got ${shown(period)}`)
  checkYear(Number(match[1]), period)
  return Number(match[1]) * 12 + Number(match[2]) - 1
}

/** The period `n` months after January of year 0, or a RangeError outside the range. */
export function periodAt(n: number): Period {
  if (!Number.isSafeInteger(n) || n < FIRST_YEAR * 12 || n > LAST_YEAR * 12 + 11) {
    throw new RangeError(`a period must fall between ${periodOf(FIRST_DAY)} and ${periodOf(FAR_FUTURE)}`)
  }
  return `${String(Math.floor(n / 12)).padStart(4, "0")}-${String((n % 12) + 1).padStart(2, "0")}`
}

export function isPeriod(value: string): boolean {
  try {
    periodNumber(value)
    return true
  } catch {
    return false
  }
}

export function utcDay(date: Date): string {
  return dayAt(Math.floor(date.getTime() / MS_PER_DAY))
}

export function periodOf(day: string): Period {
  dayNumber(day)
  return day.slice(0, 7)
}

export function addDays(day: string, days: number): string {
  return dayAt(dayNumber(day) + days)
}

export function periodBounds(period: Period): { start: string; end: string; days: number } {
  const month = periodNumber(period)
  const start = `${period}-01`
  const days = month === LAST_YEAR * 12 + 11 ? 31 : dayNumber(`${periodAt(month + 1)}-01`) - dayNumber(start)
  return { start, end: `${period}-${String(days).padStart(2, "0")}`, days }
}

export function nextPeriod(period: Period): Period {
  return periodAt(periodNumber(period) + 1)
}

export function previousPeriod(period: Period): Period {
  return periodAt(periodNumber(period) - 1)
}

/** Inclusive list of periods from `from` to `to` (none when `to` is before `from`). */
export function periodsBetween(from: Period, to: Period): Period[] {
  const first = periodNumber(from)
  return Array.from({ length: Math.max(0, periodNumber(to) - first + 1) }, (_, i) => periodAt(first + i))
}

/** Inclusive list of days from `from` to `to` (none when `to` is before `from`). */
export function daysFrom(from: string, to: string): string[] {
  const first = dayNumber(from)
  const length = dayNumber(to) - first + 1
  if (length > MAX_LISTED_DAYS) throw new RangeError(`${from} to ${to} is more than ${MAX_LISTED_DAYS} days to list`)
  return Array.from({ length: Math.max(0, length) }, (_, i) => dayAt(first + i))
}

/** Whole days from `from` to `to`, both included. */
export function dayCount(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1
}

/** Days from `from` to `to`, both included; a statement's service spans are lists of them. */
export type DayRange = { from: string; to: string }

/**
 * The same day of the month `months` later, or that month's last day when it is shorter: 31 Jan + 1 is
 * 28 Feb (29 in a leap year), 31 Jan + 2 is 31 Mar. Always counted from `day` itself, so a monthly
 * anniversary never drifts to the 28th after one short month.
 */
export function addMonths(day: string, months: number): string {
  const target = periodAt(periodNumber(periodOf(day)) + months)
  const { days } = periodBounds(target)
  return `${target}-${String(Math.min(Number(day.slice(8, 10)), days)).padStart(2, "0")}`
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
