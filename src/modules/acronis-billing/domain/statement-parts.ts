/**
 * A month whose terms changed is billed in parts: the days before a change on the old terms, the days from
 * it on the new. This file cuts the month; `statement.ts` bills each part.
 *
 * Terms come as segments: the subscription's first terms from activation, then one per change, in the order
 * they took effect (a change asked for later on the same day comes after). A segment runs to the day before
 * the next one begins, so two changes on one day leave an empty segment between them — which still matters
 * when its fee was charged in advance (see `carried` below). Consecutive segments that bill the same are one:
 * a change that does not touch the bill (a post-paid plan's seats, say) never splits a month.
 */
import { spansWithin } from "../../acronis/domain/service-spans"
import type { BillingCycle } from "./plan-fees"
import { addDays, FAR_FUTURE, periodBounds, periodOf, type DayRange, type Period } from "./period"
import type { StorageBasis, UsageSnapshotInput } from "./quantities"

export type OfferTerms = {
  type: "ppu" | "contract" | "plan"
  /** `{ [offering item]: { [currency]: price per GB / hour / unit } }`, major units. */
  unit_prices: Record<string, Record<string, number>> | null
  storage_basis: StorageBasis
  commitments: Record<string, number> | null
  plan: {
    payment: "pre_paid" | "post_paid"
    postponed_billing?: boolean
    seat_prices?: Record<string, number>
    included_seats?: number | null
  } | null
  offering_items: { name: string; quota?: { value: number | null; overage?: number | null } | null }[]
}

/** Terms that begin after activation: one change of the subscription (see `term-history.ts`). */
export type TermSegment = {
  /** First day of these terms (UTC). */
  from: string
  /**
   * `immediate`: effective on the day it was asked for, in the middle of a fee period — the old terms' fee
   * for the rest of that period comes back and the new terms' is charged, on this month's statement.
   * `scheduled`: effective at the start of a fee period, whose fee the statement before charged in advance on
   * these terms (a scheduled change is always asked for before that statement is closed).
   */
  start: "immediate" | "scheduled"
  offer: OfferTerms
  billing_cycle?: BillingCycle
  /** Plan years count from this day. Default: the activation day. */
  fee_anchor?: string
  commitment_minimum?: number | null
  /** Plans: the seats paid for; the fee is seats × seat price and the quota of the items counted in units. */
  seats?: number | null
  /** Editions billed: usage of items of another edition is not. Null: every item. */
  editions?: string[] | null
  /** How lines name these terms: "tier 3", "15 seats", "per workload". */
  label: string
}

/** A segment as the statement uses it: defaults filled in, seats applied to the offer, its last day known. */
export type Terms = {
  from: string
  /** Last day (the day before the next segment), FAR_FUTURE for the last segment. */
  to: string
  start: "activation" | TermSegment["start"]
  offer: OfferTerms
  cycle: BillingCycle
  anchor: string
  commitment_minimum: number | null
  editions: string[] | null
  label: string
}

/** One part of the month: a segment's service days in it, and whether its fixed fee is charged here. */
export type Part = {
  terms: Terms
  /** Service days of the month within the segment (may be empty for the carried segment). */
  spans: DayRange[]
  /** Its first day in the month. */
  first: string
  /** Its fixed fee for the month was not charged in advance: activation, restart, or a change at once. */
  started: boolean
  /** The service ended within it (suspension, termination): fixed fees only for its span days. */
  ended: boolean
  /**
   * Up to when the statement before charged its fee periods in advance: its last day as that statement knew
   * it — a change at once this month was not known then, so the periods it cuts short were paid in full.
   */
  paid_to: string
}

export type SegmentedInput = {
  period: Period
  activated_on: string
  offer: OfferTerms
  billing_cycle?: BillingCycle
  commitment_minimum?: number | null
  editions?: string[] | null
  terms_label?: string
  term_changes?: TermSegment[]
  snapshots: UsageSnapshotInput[]
}

/** Items the snapshots count in units: a plan's user accounts (never bytes or seconds). */
export function countedItems(snapshots: UsageSnapshotInput[]): Set<string> {
  return new Set(snapshots.filter((s) => s.measurement_unit === "quantity").map((s) => s.offering_item))
}

const prePaid = (offer: OfferTerms) => offer.type === "plan" && offer.plan?.payment === "pre_paid"

/**
 * A pre-paid plan's offer on `seats`: the fee's seats, and the quota of its items counted in units (overage
 * is billed above it). A post-paid plan is billed on its peak of user accounts: its seats are only a quota
 * in Acronis, and do not change the bill.
 */
function withSeats(offer: OfferTerms, seats: number | null | undefined, counted: Set<string>): OfferTerms {
  if (seats === null || seats === undefined || !prePaid(offer)) return offer
  return {
    ...offer,
    plan: { ...offer.plan!, included_seats: seats },
    offering_items: offer.offering_items.map((item) =>
      counted.has(item.name) && item.quota ? { ...item, quota: { ...item.quota, value: seats } } : item
    ),
  }
}

/** What makes two segments bill differently; equal keys bill the same. */
function billingKey(terms: Omit<Terms, "to" | "label" | "start" | "from">): string {
  const fees = prePaid(terms.offer)
  return JSON.stringify([
    terms.offer,
    fees ? terms.cycle : null,
    fees && terms.cycle === "year" ? terms.anchor : null,
    terms.commitment_minimum,
    terms.offer.type === "plan" ? null : (terms.editions ? [...terms.editions].sort() : null),
  ])
}

/** The subscription's segments from activation on, merged where they bill the same. */
export function segmentsOf(input: SegmentedInput): Terms[] {
  const counted = countedItems(input.snapshots)
  const first = {
    from: input.activated_on,
    start: "activation" as const,
    offer: input.offer,
    cycle: input.billing_cycle ?? "month",
    anchor: input.activated_on,
    commitment_minimum: input.commitment_minimum ?? null,
    editions: input.editions ?? null,
    label: input.terms_label ?? "",
  }
  const later = (input.term_changes ?? [])
    .filter((s) => s.from >= input.activated_on)
    .map((s) => ({
      from: s.from,
      start: s.start,
      offer: withSeats(s.offer, s.seats, counted),
      cycle: s.billing_cycle ?? "month",
      anchor: s.fee_anchor ?? input.activated_on,
      commitment_minimum: s.commitment_minimum ?? null,
      editions: s.editions ?? null,
      label: s.label,
    }))
  const merged: (Omit<Terms, "to"> & { key: string })[] = []
  for (const segment of [first, ...later]) {
    const key = billingKey(segment)
    if (merged.at(-1)?.key !== key) merged.push({ ...segment, key })
  }
  return merged.map(({ key: _key, ...segment }, i) => ({ ...segment, to: merged[i + 1] ? addDays(merged[i + 1].from, -1) : FAR_FUTURE }))
}

/**
 * The month's parts. `spans` are the service days in the month (sorted, not empty).
 *
 * Whose fixed fee was charged in advance: in the activation month and after a restart (the month's first
 * service day after the 1st, the month before having ended) nothing was, so every part charges its own; in
 * other months the first fee period was charged on the statement before, on the segment in force on the 1st
 * as that statement knew it — which a change at once on the 1st replaces: that `carried` segment then has no
 * day in the month but still gives back what was paid for it. A change at once always charges its own fee.
 */
export function partsOf(
  input: SegmentedInput & { service_ended?: boolean; ran_before?: boolean },
  segments: Terms[],
  spans: DayRange[]
): Part[] {
  const bounds = periodBounds(input.period)
  const firstDay = spans[0].from
  const lastDay = spans[spans.length - 1].to
  // Known from the spans when the caller passes `ran_before`; guessed from the month's first day otherwise.
  const restarted = input.ran_before === undefined ? firstDay > bounds.start : !input.ran_before
  const unpaid = periodOf(input.activated_on) === input.period || restarted
  const carried = unpaid
    ? undefined
    : segments.filter((s) => s.from <= bounds.start && !(s.start === "immediate" && s.from >= bounds.start)).at(-1)
  const paidTo = (index: number) => {
    const after = segments.slice(index + 1).find((s) => !(s.start === "immediate" && s.from >= bounds.start))
    return after ? addDays(after.from, -1) : FAR_FUTURE
  }
  return segments.flatMap((terms, index) => {
    const first = terms.from > bounds.start ? terms.from : bounds.start
    const partSpans = spansWithin(spans, first, terms.to < bounds.end ? terms.to : bounds.end)
    if (!partSpans.length && terms !== carried) return []
    return [
      {
        terms,
        spans: partSpans,
        first,
        started: partSpans.length > 0 && (unpaid || (terms.start === "immediate" && terms.from >= bounds.start)),
        ended: !!input.service_ended && partSpans.length > 0 && partSpans[partSpans.length - 1].to === lastDay,
        paid_to: paidTo(index),
      },
    ]
  })
}
