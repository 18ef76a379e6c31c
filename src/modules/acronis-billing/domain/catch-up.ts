/**
 * Which months a subscription still has to close. The close job runs every hour and catches up on what is
 * due, rather than waiting for one monthly firing: a missed slot, a restart or a month put on hold is picked
 * up by the next run. Pure, and bounded by construction: it walks from the first billable month to the last
 * ended one, never past `today`.
 */
import { nextPeriod, periodOf, previousPeriod, type Period } from "./period"

export type CloseCalendarInput = {
  /** UTC day the subscription became billable. */
  activated_on: string
  /** UTC day its service ended (suspension or termination), or null while it runs. */
  ended_on: string | null
  /** Months already closed for good (issued or billed statements); months on hold are not in it. */
  closed: ReadonlySet<Period>
  /** Today, UTC: only months that have ended are closed. */
  today: string
}

export function periodsToClose(input: CloseCalendarInput): Period[] {
  const lastEnded = previousPeriod(periodOf(input.today))
  const lastBillable = input.ended_on && periodOf(input.ended_on) < lastEnded ? periodOf(input.ended_on) : lastEnded
  const due: Period[] = []
  for (let period = periodOf(input.activated_on); period <= lastBillable; period = nextPeriod(period)) {
    if (!input.closed.has(period)) due.push(period)
  }
  return due
}
