/**
 * Which months a subscription still has to close. The close job runs every hour and catches up on what is
 * due, rather than waiting for one monthly firing: a missed slot, a restart or a month put on hold is picked
 * up by the next run. Pure, and bounded by construction: it walks from the first service month to the last
 * ended one, never past `today`.
 */
import { spansWithin, type ServiceSpan } from "../../acronis/domain/service-spans"
import { nextPeriod, periodBounds, periodOf, previousPeriod, type Period } from "./period"

export type CloseCalendarInput = {
  /** The days the service ran (`to: null` while it runs). */
  spans: readonly ServiceSpan[]
  /** Months already settled (billed, or issued with nothing to charge); months on hold are not in it. */
  closed: ReadonlySet<Period>
  /** Today, UTC: only months that have ended are closed. */
  today: string
}

/** The ended months with at least one service day that are not settled yet, oldest first. */
export function periodsToClose(input: CloseCalendarInput): Period[] {
  if (!input.spans.length) return []
  const lastEnded = previousPeriod(periodOf(input.today))
  const due: Period[] = []
  for (let period = periodOf(input.spans[0].from); period <= lastEnded; period = nextPeriod(period)) {
    const { start, end } = periodBounds(period)
    // A month the service did not run in (suspended all through it) has nothing to bill.
    if (!input.closed.has(period) && spansWithin([...input.spans], start, end).length) due.push(period)
  }
  return due
}
