/**
 * Which months a subscription still has to close. The close job runs every hour and catches up on what is
 * due, rather than waiting for one monthly firing: a missed slot, a restart or a month put on hold is picked
 * up by the next run. Pure, and bounded by construction: it walks from the first service month to the last
 * ended one, never past `today`.
 */
import { spansWithin, type ServiceSpan } from "../../acronis/domain/service-spans"
import { addDays, periodBounds, periodOf, periodsBetween, previousPeriod, type Period } from "./period"

export type CloseCalendarInput = {
  /** The days the service ran (`to: null` while it runs). */
  spans: readonly ServiceSpan[]
  /** Months already settled (billed, or issued with nothing to charge); months on hold are not in it. */
  closed: ReadonlySet<Period>
  /** Today, UTC: only months that have ended are closed. */
  today: string
}

const firstServiceDay = (spans: readonly ServiceSpan[]) => spans.reduce((earliest, s) => (s.from < earliest ? s.from : earliest), spans[0].from)

/**
 * The ended months that are not settled yet, oldest first: those with a service day, and the month right
 * after a service that stopped on a month's last day (a fee charged for it in advance comes back there).
 * A month the service did not run in otherwise (suspended all through it) has nothing to bill.
 */
export function periodsToClose(input: CloseCalendarInput): Period[] {
  if (!input.spans.length) return []
  const spans = [...input.spans]
  const due: Period[] = []
  for (const period of periodsBetween(periodOf(firstServiceDay(spans)), previousPeriod(periodOf(input.today)))) {
    const { start, end } = periodBounds(period)
    const dayBefore = addDays(start, -1)
    const billable = spansWithin(spans, start, end).length > 0 || spansWithin(spans, dayBefore, dayBefore).length > 0
    if (!input.closed.has(period) && billable) due.push(period)
  }
  return due
}

/**
 * Why `period` has nothing to close for a service with these spans: the service never started, or the month
 * ended before its first day: a statement for it would be written and sent to the customer for nothing.
 * Null when the month may be closed.
 */
export function reasonNotToClose(spans: readonly ServiceSpan[], period: Period): string | null {
  if (!spans.length) return `its service never started, so ${period} has nothing to bill`
  const firstDay = firstServiceDay(spans)
  return periodBounds(period).end < firstDay ? `${period} ended before its service started on ${firstDay}` : null
}
