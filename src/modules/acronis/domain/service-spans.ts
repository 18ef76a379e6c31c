/**
 * The days a subscription's service ran, and so may be billed: one span from activation, closed when the
 * tenant is disabled, and a new one each time it is resumed. Days are UTC, `YYYY-MM-DD`, both ends included;
 * `to: null` is a span still running. The day of a change belongs to the new state: a subscription suspended
 * on 10 March is billed up to 9 March, and one resumed on 20 March from 20 March. So a tenant re-ordered on
 * the day its old subscription ended is never billed on both.
 */
import { addDays } from "../../acronis-billing/domain/period"

export type ServiceSpan = { from: string; to: string | null }

export function utcDayOf(at: Date | string): string {
  return new Date(at).toISOString().slice(0, 10)
}

/** The spans as stored, or the one span from activation for subscriptions that predate spans. */
export function serviceSpansOf(subscription: {
  service_spans?: unknown
  activated_at?: Date | string | null
  suspended_at?: Date | string | null
}): ServiceSpan[] {
  if (Array.isArray(subscription.service_spans)) return subscription.service_spans as ServiceSpan[]
  if (!subscription.activated_at) return []
  const from = utcDayOf(subscription.activated_at)
  return [{ from, to: subscription.suspended_at ? addDays(utcDayOf(subscription.suspended_at), -1) : null }]
}

/** Opens a span on `at`'s day (activation or resume); a span already running is left as it is. */
export function openSpan(spans: ServiceSpan[], at: Date | string): ServiceSpan[] {
  if (spans.some((s) => s.to === null)) return spans
  return [...spans, { from: utcDayOf(at), to: null }]
}

/** Ends the running span the day before `at` (suspension); a span that would end before it began is dropped. */
export function closeSpan(spans: ServiceSpan[], at: Date | string): ServiceSpan[] {
  const last = addDays(utcDayOf(at), -1)
  return spans.flatMap((s) => (s.to !== null ? [s] : s.from <= last ? [{ from: s.from, to: last }] : []))
}

/** The last billed day, or null while the service runs (or never ran). */
export function serviceEndedOn(spans: ServiceSpan[]): string | null {
  if (!spans.length || spans.some((s) => s.to === null)) return null
  return spans.reduce((last, s) => (s.to! > last ? s.to! : last), spans[0].to!)
}

/** The spans cut to [from, to]: what one month (or an estimate up to today) may bill. */
export function spansWithin(spans: ServiceSpan[], from: string, to: string): { from: string; to: string }[] {
  return spans.flatMap((s) => {
    const start = s.from > from ? s.from : from
    const end = s.to === null || s.to > to ? to : s.to
    return start <= end ? [{ from: start, to: end }] : []
  })
}
