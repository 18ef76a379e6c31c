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

/**
 * The ended months that are not settled yet, oldest first: those with a service day, and the month right
 * after a service that stopped on a month's last day (a fee charged for it in advance comes back there).
 * A month the service did not run in otherwise (suspended all through it) has nothing to bill.
 */
export function periodsToClose(input: CloseCalendarInput): Period[] {
  if (!input.spans.length) return []
  const spans = [...input.spans]
  const firstDay = spans.reduce((earliest, s) => (s.from < earliest ? s.from : earliest), spans[0].from)
  const due: Period[] = []
  for (const period of periodsBetween(periodOf(firstDay), previousPeriod(periodOf(input.today)))) {
    const { start, end } = periodBounds(period)
    const dayBefore = addDays(start, -1)
    const billable = spansWithin(spans, start, end).length > 0 || spansWithin(spans, dayBefore, dayBefore).length > 0
    if (!input.closed.has(period) && billable) due.push(period)
  }
  return due
}
