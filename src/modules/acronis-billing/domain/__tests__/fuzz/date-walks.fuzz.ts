/**
 * Feeds arbitrary and extreme days and months to every function that walks days or months, and checks each
 * call returns a sane answer or refuses with a RangeError. Run in a child process by
 * `date-walks.unit.spec.ts`, under a time and memory limit: a walk that never ends cannot fail a test
 * from inside the process it blocks.
 */
import fc from "fast-check"
import { nextFeePeriodStart } from "../../../../acronis/domain/term-history"
import { closeSpan, openSpan, serviceSpansOf, spansWithin } from "../../../../acronis/domain/service-spans"
import { periodsToClose } from "../../catch-up"
import { advanceFeeOn, feePeriodsIn } from "../../plan-fees"
import {
  addDays,
  addMonths,
  dayCount,
  daysFrom,
  FAR_FUTURE,
  FIRST_DAY,
  MAX_LISTED_DAYS,
  nextPeriod,
  periodBounds,
  periodsBetween,
  previousPeriod,
  withoutDays,
} from "../../period"
import { measureUsage, peakOfSum } from "../../quantities"

const SEED = 20261207
const RUNS = 400
const DAY = /^\d{4}-\d{2}-\d{2}$/
const PERIOD = /^\d{4}-\d{2}$/

const pad = (n: number, width: number) => String(n).padStart(width, "0")
/** Years from 0000 to JavaScript's last (275760), the edges most often. */
const year = fc.oneof(fc.integer({ min: 0, max: 275760 }), fc.constantFrom(0, 1, 1899, 1900, 1970, 2000, 2026, 2099, 9998, 9999, 10000, 275760))
const wellFormedDay = fc.tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`)
const edgeDay = fc.constantFrom("0000-01-01", "1899-12-31", FIRST_DAY, "2024-02-29", "2026-02-29", "2026-10-31", "9999-12-30", FAR_FUTURE, "+010000-01-01", "275760-09-13", "", "2026-1-1", "2026-10-31T00:00:00Z", "not a day")
const day = fc.oneof(wellFormedDay, edgeDay, fc.string({ maxLength: 12 }))
const period = fc.oneof(day.map((d) => d.slice(0, 7)), fc.constantFrom("0000-01", "9999-12", "2026-13", "+010000"))
/** Near days: most interesting walks are short ones between close or equal days. */
const dayPair = fc.oneof(fc.tuple(day, day), fc.tuple(wellFormedDay, fc.integer({ min: -40, max: 400 })).map(([d, n]) => [d, shift(d, n)] as [string, string]))
const steps = fc.oneof(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.constantFrom(0, 1, -1, 12, 120_000, Number.MAX_SAFE_INTEGER, Infinity, NaN, 0.5))

function shift(d: string, n: number): string {
  try {
    return addDays(d, n)
  } catch {
    return d
  }
}

let calls = 0
/** The call's answer, or `refused` when it threw a RangeError; anything else thrown fails the property. */
function attempt<T>(call: () => T): T | "refused" {
  calls++
  try {
    return call()
  } catch (error) {
    if (error instanceof RangeError) return "refused"
    throw error
  }
}

const isDay = (d: unknown) => typeof d === "string" && DAY.test(d) && d >= FIRST_DAY && d <= FAR_FUTURE
const isPeriodName = (p: unknown) => typeof p === "string" && PERIOD.test(p) && isDay(`${p}-01`)

const properties: [string, fc.IProperty<any>][] = [
  ["addDays", fc.property(day, steps, (d, n) => {
    const out = attempt(() => addDays(d, n))
    return out === "refused" || isDay(out)
  })],
  ["addMonths", fc.property(day, steps, (d, n) => {
    const out = attempt(() => addMonths(d, n))
    return out === "refused" || isDay(out)
  })],
  ["periods", fc.property(period, (p) => {
    const bounds = attempt(() => periodBounds(p))
    const next = attempt(() => nextPeriod(p))
    const previous = attempt(() => previousPeriod(p))
    return (
      (bounds === "refused" || (isDay(bounds.start) && isDay(bounds.end) && bounds.days >= 28 && bounds.days <= 31)) &&
      (next === "refused" || (isPeriodName(next) && next > p)) &&
      (previous === "refused" || (isPeriodName(previous) && previous < p))
    )
  })],
  ["daysFrom", fc.property(dayPair, ([from, to]) => {
    const days = attempt(() => daysFrom(from, to))
    if (days === "refused") return true
    const count = dayCount(from, to)
    return days.length === Math.max(0, count) && days.length <= MAX_LISTED_DAYS && days.every((d, i) => isDay(d) && (i === 0 || d > days[i - 1]))
  })],
  ["periodsBetween", fc.property(period, period, (from, to) => {
    const periods = attempt(() => periodsBetween(from, to))
    return periods === "refused" || periods.every((p, i) => isPeriodName(p) && (i === 0 || p > periods[i - 1]))
  })],
  ["withoutDays", fc.property(dayPair, dayPair, ([from, to], [cutFrom, cutTo]) => {
    const kept = attempt(() => withoutDays([{ from, to }], { from: cutFrom, to: cutTo }))
    return kept === "refused" || kept.length <= 2
  })],
  ["periodsToClose", fc.property(dayPair, fc.boolean(), day, ([from, to], running, today) => {
    const due = attempt(() => periodsToClose({ spans: [{ from, to: running ? null : to }], closed: new Set(), today }))
    return due === "refused" || due.every((p, i) => isPeriodName(p) && p < today.slice(0, 7) && (i === 0 || p > due[i - 1]))
  })],
  ["feePeriods", fc.property(fc.constantFrom("month" as const, "year" as const), day, period, day, (cycle, activatedOn, month, from) => {
    const periods = attempt(() => feePeriodsIn(cycle, activatedOn, month, from))
    const advance = attempt(() => advanceFeeOn(cycle, activatedOn, month))
    return (periods === "refused" || periods.length <= 2) && (advance === "refused" || advance === null || advance.months.length >= 1)
  })],
  ["nextFeePeriodStart", fc.property(fc.constantFrom("month" as const, "year" as const), day, day, (cycle, anchor, today) => {
    const start = attempt(() => nextFeePeriodStart(cycle, anchor, today))
    return start === "refused" || isDay(start)
  })],
  ["serviceSpans", fc.property(day, fc.option(day), day, (activated, suspended, at) => {
    const spans = attempt(() => serviceSpansOf({ activated_at: `${activated}T08:00:00Z`, suspended_at: suspended && `${suspended}T08:00:00Z` }))
    if (spans === "refused") return true
    const closed = attempt(() => closeSpan(openSpan(spans, `${at}T08:00:00Z`), `${at}T09:00:00Z`))
    return closed === "refused" || closed.length <= spans.length + 1
  })],
  ["usage", fc.property(dayPair, day, fc.constantFrom("bytes", "seconds", "quantity"), ([from, to], snapshotDay, unit) => {
    const snapshot = { id: "s1", offering_item: "item", infra_id: "i", measurement_unit: unit, day: snapshotDay, value: "5", absolute_value: "9" }
    const spans = attempt(() => spansWithin([{ from, to }], from, to))
    if (spans === "refused") return true
    const usage = attempt(() => measureUsage([snapshot], spans, "peak"))
    const seats = attempt(() => peakOfSum([snapshot], ["item"], spans))
    return (usage === "refused" || usage.length === 1) && (seats === "refused" || seats.day === null || isDay(seats.day))
  })],
]

for (const [name, property] of properties) {
  const details = fc.check(property, { seed: SEED, numRuns: RUNS })
  if (details.failed) {
    console.error(`${name}: ${fc.defaultReportMessage(details)}`)
    process.exit(1)
  }
}
console.log(`date walks: ${properties.length} properties, ${calls} calls, all answered or refused`)
