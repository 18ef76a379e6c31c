/**
 * A subscription's statement for one calendar month: one line per billable offering item and the lines the
 * offer's terms add (commitment shortfall, seats, plan fees, overage, free month, checkout credit). Pure: the
 * same snapshots, days and terms always give the same lines, to the cent.
 *
 * Amounts: each line is `quantity × unit price` computed exactly and rounded once, half away from zero, to the
 * currency's minor unit; the total is the sum of the rounded lines.
 *
 * A month whose terms changed (`term_changes`) is billed in parts (`statement-parts.ts`), each on its own terms,
 * and each line says which part it bills.
 */
import { freeMonthOf, hasFreeFirstMonth } from "../../acronis/domain/free-month"
import { spansWithin } from "../../acronis/domain/service-spans"
import { add, cmp, currencyDigits, formatUnits, fromDecimal, mul, ratio, roundToUnits, sub, toDecimalString, ZERO, type Ratio } from "./exact"
import { feePeriodsIn, monthsWorth, type BillingCycle, type FeePeriod } from "./plan-fees"
import { addDays, countDays, dayCount, FAR_FUTURE, nextPeriod, overlaps, periodBounds, withoutDays, type DayRange, type Period } from "./period"
import { billingUnit, measureItem, measureUsage, peakOfSum, usageInMode, type ItemQuantity, type StorageBasis, type UsageSnapshotInput } from "./quantities"
import { countedItems, partsOf, segmentsOf, type OfferTerms, type Part, type TermSegment, type Terms } from "./statement-parts"

export type { OfferTerms, TermSegment } from "./statement-parts"

export const STATEMENT_LINE_KINDS = ["usage", "commitment_shortfall", "seat", "overage", "free_month", "proration", "credit"] as const
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number]

export type StatementInput = {
  period: Period
  currency_code: string
  /** The offer's terms at activation (later ones: `term_changes`). */
  offer: OfferTerms
  /** UTC day the subscription became active; usage before it is not billed. */
  activated_on: string
  /** Last day counted (the current day for an estimate); defaults to the period's last day. */
  as_of?: string
  /** A contract's minimum from the subscription, used when the offer has none for the currency. */
  commitment_minimum?: number | null
  /** The subscription's snapshots up to the period's end (earlier ones carry forward). */
  snapshots: UsageSnapshotInput[]
  /**
   * The service's days in the period (cut to it and to `as_of`), both ends included, sorted, not overlapping.
   * Defaults to one span from activation (or the 1st) to `as_of` (or the period's end).
   */
  spans?: { from: string; to: string }[]
  /** The service ended in this period, on the last span's `to`. Default false. */
  service_ended?: boolean
  /**
   * The service ran on the day before the period, so the month's fee was charged in advance on the statement
   * before. Without it, a month whose first service day is the 1st is taken as paid in advance, and one that
   * starts later as a restart.
   */
  ran_before?: boolean
  /** How a pre-paid plan's fee is charged. Default "month". */
  billing_cycle?: BillingCycle
  /** The subscription is on an Acronis trial offer (not postponed billing): nothing is billed. Default false. */
  in_trial?: boolean
  /** Paid at checkout for this subscription and not credited yet, decimal in major units. Default "0". */
  checkout_credit?: string
  /** The editions of the first terms: usage of items of another edition is not billed. Default: every item. */
  editions?: string[] | null
  /** How lines name the first terms when the month is billed in parts. */
  terms_label?: string
  /**
   * The subscription's later terms, in the order they took effect, as known at the period's end (a change
   * asked for after it is not on this statement). See `TermSegment`.
   */
  term_changes?: TermSegment[]
}

export type DraftLine = {
  kind: StatementLineKind
  offering_item: string | null
  description: string
  /** Decimal strings, exact where the data is (quantity shown to 6 decimals). */
  quantity: string
  unit: string
  unit_price: string
  amount: string
  sources: { snapshot_ids: string[]; days: string[]; raw_quantity?: string; service_period?: string }
}

export type DraftStatement = {
  period: Period
  currency_code: string
  window: { from: string; to: string } | null
  lines: DraftLine[]
  total: string
  /** How much of `checkout_credit` this statement used (major units); the caller carries the rest. */
  credit_used: string
}

type Line = DraftLine & { units: bigint }
type Money = { digits: number; currency: string }

/** One statement's facts, once its days and parts are known. */
type Context = {
  input: StatementInput
  money: Money
  bounds: ReturnType<typeof periodBounds>
  /** The service days in the period; empty only for a month whose advance fee comes back whole. */
  spans: DayRange[]
  free: DayRange | null
  /** Every segment of terms from activation (the advance fee may be on one that starts next month). */
  segments: Terms[]
  parts: Part[]
}

/**
 * The days charges are measured on: usage on `spans`; fixed fees (a plan's fee, a contract's minimum) on
 * `fee_days`, which run past the period while the service runs (a fee paid in advance covers them).
 */
type Basis = { spans: DayRange[]; fee_days: DayRange[] }
/** What is measured: every day (`all`), or the days outside the free month (`billable`). */
type Days = (ranges: DayRange[]) => DayRange[]
const all: Days = (ranges) => ranges

const sumUnits = (lines: { units: bigint }[]) => lines.reduce((sum, l) => sum + l.units, 0n)
const daysOf = (ranges: DayRange[]) => (ranges.length ? [ranges[0].from, ranges[ranges.length - 1].to] : [])
const prePaid = (offer: OfferTerms) => offer.type === "plan" && offer.plan?.payment === "pre_paid"

function line(
  money: Money,
  kind: StatementLineKind,
  fields: { offering_item?: string | null; description: string; quantity: Ratio; unit: string; unit_price: Ratio; sources: DraftLine["sources"] }
): Line {
  const units = roundToUnits(mul(fields.quantity, fields.unit_price), money.digits)
  return {
    kind,
    offering_item: fields.offering_item ?? null,
    description: fields.description,
    quantity: toDecimalString(fields.quantity),
    unit: fields.unit,
    unit_price: toDecimalString(fields.unit_price, 10),
    amount: formatUnits(units, money.digits),
    sources: fields.sources,
    units,
  }
}

/** A line of a known amount in minor units (what a free month or a credit takes off). */
function amountLine(money: Money, kind: StatementLineKind, fields: { description: string; unit: string; units: bigint; sources: DraftLine["sources"] }): Line {
  const amount = formatUnits(fields.units, money.digits)
  return { kind, offering_item: null, quantity: "1", unit_price: amount, amount, ...fields }
}

function priceOf(prices: Record<string, number> | undefined, currency: string): Ratio | null {
  const price = prices?.[currency]
  return price === undefined || price === null ? null : fromDecimal(price)
}

/** The part's days and terms, said after a line's description when the month is billed in parts. */
function partNote(ctx: Context, part: Part): string {
  if (ctx.parts.length < 2) return ""
  const days = part.spans.length ? `${part.spans[0].from} to ${part.spans[part.spans.length - 1].to}` : `from ${part.first}`
  return ` (${days}${part.terms.label ? `, ${part.terms.label}` : ""})`
}

/**
 * The fixed fees of a part, on its days: from its first service day to its last day (the day before the next
 * terms) while the service runs; its service days only when the service ended in it.
 */
function basisOf(part: Part, days: Days): Basis {
  const { spans, terms } = part
  const fee = part.ended ? spans : spans.length ? [{ from: part.started ? spans[0].from : part.first, to: terms.to }] : []
  return { spans: days(spans), fee_days: days(fee) }
}

/**
 * The share of the month's measure a part bills, for items measured as a level (peak, last day): its days
 * over the days of every part the item is billed in, so a level held all month is billed once, each part's
 * terms for its days. An item billed in one part only (a licensing model's items) is billed whole there.
 */
function shareOf(ctx: Context, part: Part, billedIn: (p: Part) => boolean, days: Days): { share: Ratio; note: string } {
  const parts = ctx.parts.filter((p) => p.spans.length && billedIn(p))
  if (parts.length < 2) return { share: ratio(1), note: "" }
  const mine = countDays(days(part.spans))
  const total = countDays(parts.flatMap((p) => days(p.spans)))
  return total ? { share: ratio(mine, total), note: `, ${mine} of ${total} days` } : { share: ratio(1), note: "" }
}

const editionBilled = (terms: Terms, edition: string | null | undefined) => !terms.editions || !edition || terms.editions.includes(edition)

function usageDescription(q: ItemQuantity, basis: StorageBasis): string {
  const how =
    q.measurement_unit === "seconds"
      ? "compute time"
      : q.measurement_unit === "bytes"
        ? basis === "last_day"
          ? "storage on the last day"
          : "peak storage"
        : "peak count"
  return `${q.offering_item} — ${how}`
}

function usageLines(ctx: Context, part: Part): Line[] {
  const { input, money } = ctx
  const { offer } = part.terms
  const basis = basisOf(part, all)
  const editionOf = (item: string) => input.snapshots.find((s) => s.offering_item === item)?.edition
  const snapshots = input.snapshots.filter((s) => editionBilled(part.terms, s.edition))
  return measureUsage(snapshots, basis.spans, offer.storage_basis).flatMap((q) => {
    const price = priceOf(offer.unit_prices?.[q.offering_item], money.currency)
    if (!price) return []
    // Seconds consumed add up across parts; a level would be billed once per part.
    const { share, note } =
      q.measurement_unit === "seconds"
        ? { share: ratio(1), note: "" }
        : shareOf(ctx, part, (p) => editionBilled(p.terms, editionOf(q.offering_item)) && !!priceOf(p.terms.offer.unit_prices?.[q.offering_item], money.currency), all)
    return [
      line(money, "usage", {
        offering_item: q.offering_item,
        description: `${usageDescription(q, offer.storage_basis)}${note}${partNote(ctx, part)}`,
        quantity: mul(q.quantity, share),
        unit: q.unit,
        unit_price: price,
        sources: { snapshot_ids: q.snapshot_ids, days: q.days, raw_quantity: q.raw.toString() },
      }),
    ]
  })
}

/** A contract's minimum for the part, prorated to its fee days: a partial first or last month owes its share. */
function commitmentShortfall(ctx: Context, part: Part, usage: Line[]): Line[] {
  const { money, bounds } = ctx
  const minimum = part.terms.offer.commitments?.[money.currency] ?? part.terms.commitment_minimum ?? null
  if (minimum === null) return []
  const feeDays = spansWithin(basisOf(part, all).fee_days, bounds.start, bounds.end)
  const days = countDays(feeDays)
  const owed = mul(fromDecimal(minimum), ratio(days, bounds.days))
  const used = ratio(sumUnits(usage), 10n ** BigInt(money.digits))
  const shortfall = sub(owed, used)
  if (cmp(shortfall, ZERO) <= 0) return []
  const code = money.currency.toUpperCase()
  const share = days < bounds.days ? ` for ${days} of ${bounds.days} days (${toDecimalString(owed, money.digits)})` : ""
  return [
    line(money, "commitment_shortfall", {
      description: `Minimum commitment ${toDecimalString(fromDecimal(minimum), money.digits)} ${code}${share}: usage ${toDecimalString(used, money.digits)}, shortfall${partNote(ctx, part)}`,
      quantity: ratio(1),
      unit: "months",
      unit_price: shortfall,
      sources: { snapshot_ids: [], days: daysOf(feeDays) },
    }),
  ]
}

/** Items measured in counts that the plan's offer enables: its user accounts (seats). */
function seatItems(offer: OfferTerms, snapshots: UsageSnapshotInput[]): string[] {
  const counted = countedItems(snapshots)
  return offer.offering_items.map((i) => i.name).filter((name) => counted.has(name))
}

/**
 * The seats a pre-paid plan's fee is for. Offers saved before `included_seats` was required fall back on
 * the quotas of the items counted in units: a quota in bytes or seconds is not a number of seats.
 */
function includedSeats(offer: OfferTerms, snapshots: UsageSnapshotInput[]): number {
  const included = offer.plan?.included_seats
  if (included !== null && included !== undefined) return included
  const seats = new Set(seatItems(offer, snapshots))
  return offer.offering_items.reduce((sum, i) => sum + (seats.has(i.name) ? (i.quota?.value ?? 0) : 0), 0)
}

const seatPrice = (ctx: Context, offer: OfferTerms) => priceOf(offer.plan?.seat_prices, ctx.money.currency) ?? ZERO
const planFee = (ctx: Context, offer: OfferTerms) => mul(ratio(includedSeats(offer, ctx.input.snapshots)), seatPrice(ctx, offer))

function peakSeatsLine(ctx: Context, part: Part, days: Days): Line {
  const { offer } = part.terms
  const { peak, day, ids } = peakOfSum(ctx.input.snapshots, seatItems(offer, ctx.input.snapshots), basisOf(part, days).spans)
  const { share, note } = shareOf(ctx, part, () => true, days)
  return line(ctx.money, "seat", {
    description: `User accounts — the month's peak${note}${partNote(ctx, part)}`,
    quantity: mul(ratio(peak), share),
    unit: "seats",
    unit_price: seatPrice(ctx, offer),
    sources: { snapshot_ids: ids, days: day ? [day] : [] },
  })
}

function overageLines(ctx: Context, part: Part, days: Days): Line[] {
  const { input, money } = ctx
  const { offer } = part.terms
  const basis = basisOf(part, days)
  const quotaOf = (terms: Terms, item: string) => terms.offer.offering_items.find((i) => i.name === item)?.quota?.value
  return offer.offering_items.flatMap((item) => {
    const quota = item.quota?.value
    const snapshots = input.snapshots.filter((s) => s.offering_item === item.name)
    if (quota === null || quota === undefined || !snapshots.length) return []
    const peak = measureItem(snapshots, basis.spans, "peak")
    const over = peak.raw - BigInt(quota)
    if (over <= 0n) return []
    const { unit, per } = billingUnit(peak.measurement_unit)
    const { share, note } = shareOf(ctx, part, (p) => quotaOf(p.terms, item.name) !== null && quotaOf(p.terms, item.name) !== undefined, days)
    return [
      line(money, "overage", {
        offering_item: item.name,
        description: `${item.name} — above the plan's ${quota}${note}${partNote(ctx, part)}`,
        quantity: mul(ratio(over, per), share),
        unit,
        unit_price: priceOf(offer.unit_prices?.[item.name], money.currency) ?? seatPrice(ctx, offer),
        sources: { snapshot_ids: peak.snapshot_ids, days: peak.days, raw_quantity: over.toString() },
      }),
    ]
  })
}

/** The plan fee for `period`'s fee days from `from`: a whole period is a `seat` line, part of one a `proration`. */
function feeLine(ctx: Context, basis: Basis, fee: Ratio, period: FeePeriod, from: string, note = ""): Line {
  const days = spansWithin(basis.fee_days, from, period.to)
  const months = monthsWorth(period, days)
  const whole = cmp(months, ratio(period.months.length)) === 0
  return line(ctx.money, whole ? "seat" : "proration", {
    description: whole
      ? `Plan fee for ${period.label}${note}`
      : `Plan fee for ${period.label}, ${countDays(days)} of ${dayCount(period.from, period.to)} days from ${from}${note}`,
    quantity: months,
    unit: "months",
    unit_price: fee,
    sources: { snapshot_ids: [], days: daysOf(days), service_period: period.service_period },
  })
}

/**
 * The fees of the periods a part starts in this month, when nothing paid for them in advance (activation,
 * restart, a change at once): on a yearly plan resumed just before its anniversary, the rest of the old
 * year and the new one.
 */
function currentFeeLines(ctx: Context, part: Part, days: Days): Line[] {
  if (!part.started) return []
  const { terms } = part
  const basis = basisOf(part, days)
  const fee = planFee(ctx, terms.offer)
  return feePeriodsIn(terms.cycle, terms.anchor, ctx.input.period, part.spans[0].from)
    .filter(({ from }) => from <= terms.to)
    .map(({ period, from }) => feeLine(ctx, basis, fee, period, from, partNote(ctx, part)))
}

/**
 * The fees charged in advance on this statement: every fee period that begins next month (a calendar month;
 * a plan year on the month before its anniversary month; or where scheduled terms begin), on the terms in
 * force then — so a change scheduled for next month is charged on its new terms. Nothing once the service
 * has ended.
 */
function advanceLines(ctx: Context, days: Days): Line[] {
  if (ctx.input.service_ended) return []
  const month = nextPeriod(ctx.input.period)
  const next = periodBounds(month)
  const current = ctx.parts[ctx.parts.length - 1]?.terms
  return ctx.segments.flatMap((terms) => {
    if (!prePaid(terms.offer) || terms.from > next.end || terms.to < next.start) return []
    const fee = planFee(ctx, terms.offer)
    const note = terms !== current && terms.label ? `, in advance (${terms.label})` : ", in advance"
    return feePeriodsIn(terms.cycle, terms.anchor, month, terms.from > next.start ? terms.from : next.start)
      .filter(({ period, from }) => from <= terms.to && (period.from > terms.from ? period.from : terms.from) >= next.start)
      .map(({ period, from }) => feeLine(ctx, { spans: [], fee_days: days([{ from, to: terms.to }]) }, fee, period, from, note))
  })
}

/**
 * When the service ends in a month whose fee was paid in advance, the fee for the days without service
 * (after the end, and gaps this month) comes back, so the month is paid for its span days only; on a yearly
 * plan the rest of the plan year comes back too. When terms end — a change at once — the old fee for the
 * rest of its period comes back the same way (the new terms charge theirs). Free days were never charged,
 * so they are not returned.
 */
function returnedFeeLines(ctx: Context, part: Part): Line[] {
  const { terms } = part
  if (part.started || !prePaid(terms.offer) || !(part.ended || terms.to < FAR_FUTURE)) return []
  const fee = planFee(ctx, terms.offer)
  const { fee_days } = basisOf(part, all)
  const paid = feePeriodsIn(terms.cycle, terms.anchor, ctx.input.period, part.first).filter(({ from }) => from <= part.paid_to)
  return paid.flatMap(({ period, from }) => {
    const charged = [{ from, to: period.to }]
    const unused = withoutDays(fee_days.reduce<DayRange[]>((days, span) => withoutDays(days, span), charged), ctx.free)
    const months = monthsWorth(period, unused)
    if (!months.n) return []
    const why = part.ended ? "without service" : `from ${unused[0].from}, after the terms changed,`
    return [
      line(ctx.money, "proration", {
        description: `Plan fee for ${period.label}: ${countDays(unused)} days ${why} returned${partNote(ctx, part)}`,
        quantity: sub(ZERO, months),
        unit: "months",
        unit_price: fee,
        sources: { snapshot_ids: [], days: daysOf(unused), service_period: period.service_period },
      }),
    ]
  })
}

/** The free month takes off what its days added to the charges: all of them, less the same charges without them. */
function freeMonthLines(ctx: Context, charged: Line[], billable: Line[]): Line[] {
  const free = ctx.free!
  const waived = sumUnits(charged) - sumUnits(billable)
  if (!waived && !overlaps(ctx.spans, free)) return []
  return [
    amountLine(ctx.money, "free_month", {
      description: `First month free (postponed billing), ${free.from} to ${free.to}`,
      unit: "months",
      units: -waived,
      sources: { snapshot_ids: [], days: [free.from, free.to], service_period: ctx.input.period },
    }),
  ]
}

function planLines(ctx: Context): Line[] {
  const charges = (days: Days) => [
    ...ctx.parts.flatMap((part) => {
      if (!part.spans.length) return []
      if (!prePaid(part.terms.offer)) return [peakSeatsLine(ctx, part, days)]
      return [...currentFeeLines(ctx, part, days), ...overageLines(ctx, part, days)]
    }),
    ...advanceLines(ctx, days),
  ]
  const charged = charges(all)
  const free = ctx.free ? freeMonthLines(ctx, charged, charges((ranges) => withoutDays(ranges, ctx.free))) : []
  return [...charged, ...free, ...ctx.parts.flatMap((part) => returnedFeeLines(ctx, part))]
}

function chargeLines(ctx: Context): Line[] {
  const { offer } = ctx.input
  if (offer.type === "plan" && offer.plan) return planLines(ctx)
  return ctx.parts.flatMap((part) => {
    if (!part.spans.length) return []
    const usage = usageLines(ctx, part)
    return part.terms.offer.type === "contract" ? [...usage, ...commitmentShortfall(ctx, part, usage)] : usage
  })
}

/** What was paid at checkout comes off, up to the total, so the same service is never paid for twice. */
function checkoutCreditLines(money: Money, lines: Line[], checkoutCredit: string | undefined): Line[] {
  const available = roundToUnits(fromDecimal(checkoutCredit ?? "0"), money.digits)
  if (available < 0n) throw new RangeError(`checkout_credit must be zero or more, got ${checkoutCredit}`)
  const total = sumUnits(lines)
  const used = available < total ? available : total
  if (used <= 0n) return []
  const note = used < available ? `, ${formatUnits(used, money.digits)} of ${formatUnits(available, money.digits)}` : ""
  return [amountLine(money, "credit", { description: `Paid at checkout${note}`, unit: "payments", units: -used, sources: { snapshot_ids: [], days: [] } })]
}

/** The service days the statement may bill: the given spans (or activation to `as_of`), within the period. */
function serviceDays(input: StatementInput, bounds: Context["bounds"]): DayRange[] {
  const from = input.activated_on > bounds.start ? input.activated_on : bounds.start
  const to = input.as_of && input.as_of < bounds.end ? input.as_of : bounds.end
  return spansWithin(input.spans ?? [{ from, to }], from, to)
}

/**
 * A month the service never ran in although the statement before charged its fee in advance (suspended on
 * its 1st, after the month before was closed): the fee paid for it comes back, as a negative `proration`.
 */
function advanceReturnedLines(input: StatementInput, money: Money, bounds: Context["bounds"]): Line[] {
  const segments = segmentsOf(input)
  const inForce = (s: Terms) => s.from <= bounds.start && !(s.start === "immediate" && s.from >= bounds.start)
  const carried = segments.filter(inForce).at(-1)
  if (!carried || !prePaid(carried.offer)) return []
  const next = segments.slice(segments.indexOf(carried) + 1).find((s) => !(s.start === "immediate" && s.from >= bounds.start))
  const part: Part = { terms: carried, spans: [], first: bounds.start, started: false, ended: true, paid_to: next ? addDays(next.from, -1) : FAR_FUTURE }
  const free = hasFreeFirstMonth(input.offer) ? freeMonthOf(input.activated_on) : null
  return returnedFeeLines({ input, money, bounds, spans: [], free, segments, parts: [part] }, part)
}

/**
 * The statement for one subscription and month.
 *
 * Days. Usage is measured on the service's days (`spans`) only: the peak over span days, compute seconds
 * consumed within each span, last-day storage on the last span day. Fixed fees (a pre-paid plan's fee, a
 * contract's minimum) run from the month's first span day; a suspension later resumed does not reduce them,
 * the end of the service (`service_ended`) does: that month they are owed for its span days only.
 *
 * Pre-paid plans. The fee is `plan.included_seats` × the seat price (offers that predate the rule: the quotas
 * of the items counted in units, never bytes or seconds). Monthly (`billing_cycle` "month"): the month the
 * service starts (or restarts, see below) in is charged on its own statement, prorated by days; every later
 * month in advance, on the statement before it. Yearly: the plan year, 12 plan months from the activation
 * day, is charged whole (12 × the monthly fee) on the statement of the month it starts in; the next year in
 * advance, on the statement of the month before its anniversary month. Overage is billed monthly either
 * way. When the service ends, nothing more is charged in advance, and the fee already paid for the days
 * without service comes back as a negative `proration` line — so a statement's total is negative only when
 * we owe the customer money. A month whose first span day is after the 1st and is not the activation month
 * is a restart: the month before ended, so nothing was charged in advance for it; `ran_before` says so for a
 * service resumed exactly on a 1st too.
 *
 * Post-paid plans are billed monthly on the month's peak of user accounts, whatever the billing cycle: a
 * post-paid plan cannot be billed in advance.
 *
 * Free month (postponed billing, `freeMonthOf`): each charge is also worked out as if the free days did not
 * exist — peaks over the billable days, fees prorated to the billable days — and the `free_month` line takes
 * off the difference, on each statement whose days the free month touches: at most two, the activation
 * month's (which also charges the next month in advance) and the next month's.
 *
 * Contracts. The minimum commitment is prorated to the month's fee days (a partial activation month, a last
 * month when the service ended): minimum × days ÷ days in the month, exactly; the shortfall below it is
 * rounded once.
 *
 * Changes of terms (`term_changes`). Each part of the month is billed on its terms: usage of the items its
 * editions bill, at its prices — an item measured as a level in several parts is billed for each part's
 * share of its days, so a level held all month is billed once; seconds are billed where they were consumed —
 * its contract minimum prorated to its days, its overage above its quota. Fixed fees: a change at once gives
 * back the old fee for the rest of its fee period and charges the new one for the same days (seats added on
 * the 16th of a 30-day month: 15/30 of the fee difference); a change scheduled for the next fee period is
 * charged in advance on its new terms, like any fee period.
 *
 * Trial offers (`in_trial`) bill nothing. What was paid at checkout (`checkout_credit`) comes off last, as a
 * `credit` line of at most the total, so the total never goes below zero on its account; `credit_used` says
 * how much, and the caller carries the rest to the next statement.
 */
export function buildStatement(rawInput: StatementInput): DraftStatement {
  // Acronis bills a partner for production usage only, so trial usage is not billed either. Except with a free
  // first month (postponed billing): the tenant stays in Acronis's trial until the 1st after it on purpose, and
  // the free-month rule decides what of that is billed.
  const input: StatementInput = hasFreeFirstMonth(rawInput.offer)
    ? rawInput
    : { ...rawInput, snapshots: usageInMode(rawInput.snapshots, "production") }
  const currency = input.currency_code.toLowerCase()
  const money: Money = { digits: currencyDigits(currency), currency }
  const bounds = periodBounds(input.period)
  const spans = serviceDays(input, bounds)
  let lines: Line[] = []
  if (spans.length && !input.in_trial) {
    const segments = segmentsOf(input)
    const charged = chargeLines({
      input,
      money,
      bounds,
      spans,
      free: hasFreeFirstMonth(input.offer) ? freeMonthOf(input.activated_on) : null,
      segments,
      parts: partsOf(input, segments, spans),
    })
    lines = [...charged, ...checkoutCreditLines(money, charged, input.checkout_credit)]
  } else if (!input.in_trial && input.ran_before && input.service_ended) {
    lines = advanceReturnedLines(input, money, bounds)
  }
  const credit = lines.find((l) => l.kind === "credit")
  return {
    period: input.period,
    currency_code: currency,
    window: spans.length ? { from: spans[0].from, to: spans[spans.length - 1].to } : null,
    lines: lines.map(({ units: _units, ...rest }) => rest),
    total: formatUnits(sumUnits(lines), money.digits),
    credit_used: formatUnits(credit ? -credit.units : 0n, money.digits),
  }
}

/** Sum of decimal amount strings, exact (for API totals). */
export function sumAmounts(amounts: string[]): Ratio {
  return amounts.reduce((sum, a) => add(sum, fromDecimal(a)), ZERO)
}
