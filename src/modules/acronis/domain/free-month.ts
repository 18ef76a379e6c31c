/**
 * Postponed billing (seed 004: "You can give your customer one month for free … After one month, the
 * customer has to either cancel or pay"): a plan that gives the customer one month from the day it was
 * activated. Not the calendar month of activation: a plan activated on 31 January would get one free day.
 *
 * A plan on an Acronis trial offer is something else (staff decide when it leaves the trial); only
 * postponed billing has a free month that ends by itself.
 */
import { addDays, addMonths, utcDay, type DayRange } from "../../acronis-billing/domain/period"

export function hasFreeFirstMonth(offer: { type: string; plan?: unknown }): boolean {
  return offer.type === "plan" && (offer.plan as { postponed_billing?: boolean } | null)?.postponed_billing === true
}

/**
 * The free days, both included: the activation day up to the day before its monthly anniversary, which is
 * the same day of the next month, or that month's last day when it is shorter. Activated 5 Sep: free 5 Sep
 * to 4 Oct, billed from 5 Oct. Activated 31 Jan: free 31 Jan to 27 Feb, billed from 28 Feb (29 Feb in a
 * leap year). Activated 1 Sep: the whole of September.
 */
export function freeMonthOf(activatedOn: string): DayRange {
  return { from: activatedOn, to: addDays(addMonths(activatedOn, 1), -1) }
}

/**
 * When the tenant must leave Acronis's trial for production: 00:00 UTC on the first 1st of a month on or
 * after the free month's anniversary. Acronis bills us a whole month for a switch during a month, so we
 * switch on a 1st. Activated 5 Sep (anniversary 5 Oct): production on 1 Nov; activated 1 Sep (anniversary
 * 1 Oct): 1 Oct. The days from the anniversary to that 1st are billed to the customer all the same.
 */
export function freeMonthEndsAt(activatedAt: Date): Date {
  const anniversary = new Date(`${addMonths(utcDay(activatedAt), 1)}T00:00:00Z`)
  if (anniversary.getUTCDate() === 1) return anniversary
  return new Date(Date.UTC(anniversary.getUTCFullYear(), anniversary.getUTCMonth() + 1, 1))
}

/**
 * When a subscription in Acronis's trial must move to production: at `freeMonthEndsAt` for postponed
 * billing; never by itself for a trial offer (staff end the trial by changing the offer).
 */
export function leavesTrialAt(offer: { type: string; plan?: unknown } | undefined, activatedAt: Date): Date | null {
  return offer && hasFreeFirstMonth(offer) ? freeMonthEndsAt(activatedAt) : null
}
