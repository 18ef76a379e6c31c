/**
 * What a pre-paid plan's fee pays for. On a monthly plan a fee pays for a calendar month; on a yearly plan,
 * for a plan year: twelve plan months from the activation day, each up to the next monthly anniversary
 * (activated 11 Sep: 11 Sep to 10 Oct, …, 11 Aug to 10 Sep). Each month of a fee period is worth one
 * monthly fee and a day is worth its month's share, so the days of a free month on a yearly plan are worth
 * exactly one fee of the twelve, whatever the months' lengths.
 */
import { spansWithin } from "../../acronis/domain/service-spans"
import { add, ratio, ZERO, type Ratio } from "./exact"
import { addDays, addMonths, countDays, dayCount, nextPeriod, periodBounds, periodOf, type DayRange, type Period } from "./period"

export type BillingCycle = "month" | "year"

export type FeePeriod = {
  /** As the customer reads it: `2026-10`, `the year 2026-09-11 to 2027-09-10`. */
  label: string
  /** As the line records it: the month, or the plan year as an ISO 8601 interval. */
  service_period: string
  from: string
  to: string
  /** Its months, each worth one monthly fee. */
  months: DayRange[]
}

function calendarMonth(period: Period): FeePeriod {
  const { start, end } = periodBounds(period)
  return { label: period, service_period: period, from: start, to: end, months: [{ from: start, to: end }] }
}

function planYear(activatedOn: string, year: number): FeePeriod {
  // Each anniversary from the activation day itself, so 31 Jan gives 28 Feb, then 31 Mar, never 28 Mar.
  const months = Array.from({ length: 12 }, (_, month) => ({
    from: addMonths(activatedOn, 12 * year + month),
    to: addDays(addMonths(activatedOn, 12 * year + month + 1), -1),
  }))
  const { from } = months[0]
  const { to } = months[11]
  return { label: `the year ${from} to ${to}`, service_period: `${from}/${to}`, from, to, months }
}

const yearOf = (day: string) => Number(day.slice(0, 4))

/** The fee period `day` (on or after activation) falls in. */
function feePeriodOf(cycle: BillingCycle, activatedOn: string, day: string): FeePeriod {
  if (cycle === "month") return calendarMonth(periodOf(day))
  const year = yearOf(day) - yearOf(activatedOn)
  return planYear(activatedOn, Math.max(0, addMonths(activatedOn, 12 * year) > day ? year - 1 : year))
}

/** The fee periods with days in `month` from `from` on, in order (at most two), each with its first such day. */
export function feePeriodsIn(cycle: BillingCycle, activatedOn: string, month: Period, from: string): { period: FeePeriod; from: string }[] {
  const { start, end } = periodBounds(month)
  const periods: { period: FeePeriod; from: string }[] = []
  // A fee period ends on or after the day it is found for, so each step moves on; the check makes that
  // a guarantee, so this walk ends whatever it is given.
  for (let day = from < start ? start : from; day <= end; ) {
    const period = feePeriodOf(cycle, activatedOn, day)
    periods.push({ period, from: day })
    if (period.to < day) throw new RangeError(`no fee period covers ${day} for a plan activated on ${activatedOn}`)
    day = addDays(period.to, 1)
  }
  return periods
}

/**
 * The fee charged in advance on `period`'s statement: the next month's; on a yearly plan, the next plan
 * year's, on the statement of the month before its anniversary month.
 */
export function advanceFeeOn(cycle: BillingCycle, activatedOn: string, period: Period): FeePeriod | null {
  const next = nextPeriod(period)
  if (cycle === "month") return calendarMonth(next)
  const year = yearOf(next) - yearOf(activatedOn)
  return year > 0 && next.slice(5, 7) === activatedOn.slice(5, 7) ? planYear(activatedOn, year) : null
}

/** How many monthly fees `days` are worth in `fee`: for each of its months, its days in `days` over its length. */
export function monthsWorth(fee: FeePeriod, days: DayRange[]): Ratio {
  return fee.months.reduce((sum, m) => add(sum, ratio(countDays(spansWithin(days, m.from, m.to)), dayCount(m.from, m.to))), ZERO)
}
