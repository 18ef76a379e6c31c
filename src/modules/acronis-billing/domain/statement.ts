/**
 * A subscription's statement for one calendar month: one line per billable offering item and the lines the
 * offer's terms add (commitment shortfall, seats, plan fees, overage, free month, checkout credit). Pure: the
 * same snapshots, days and terms always give the same lines, to the cent.
 *
 * Amounts: each line is `quantity × unit price` computed exactly and rounded once, half away from zero, to the
 * currency's minor unit; the total is the sum of the rounded lines.
 */
import { freeMonthOf, hasFreeFirstMonth } from "../../acronis/domain/free-month"
import { spansWithin } from "../../acronis/domain/service-spans"
import { add, cmp, currencyDigits, formatUnits, fromDecimal, mul, ratio, roundToUnits, sub, toDecimalString, ZERO, type Ratio } from "./exact"
import { advanceFeeOn, feePeriodsIn, monthsWorth, type BillingCycle, type FeePeriod } from "./plan-fees"
import { countDays, dayCount, FAR_FUTURE, overlaps, periodBounds, periodOf, withoutDays, type DayRange, type Period } from "./period"
import { billingUnit, measureItem, measureUsage, peakOfSum, type ItemQuantity, type StorageBasis, type UsageSnapshotInput } from "./quantities"

export const STATEMENT_LINE_KINDS = ["usage", "commitment_shortfall", "seat", "overage", "free_month", "proration", "credit"] as const
export type StatementLineKind = (typeof STATEMENT_LINE_KINDS)[number]

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

export type StatementInput = {
  period: Period
  currency_code: string
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
  /** How a pre-paid plan's fee is charged. Default "month". */
  billing_cycle?: "month" | "year"
  /** The subscription is on an Acronis trial offer (not postponed billing): nothing is billed. Default false. */
  in_trial?: boolean
  /** Paid at checkout for this subscription and not credited yet, decimal in major units. Default "0". */
  checkout_credit?: string
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

/** One statement's facts, once its days are known. */
type Context = {
  input: StatementInput
  money: Money
  bounds: ReturnType<typeof periodBounds>
  /** The service days in the period; never empty. */
  spans: DayRange[]
  ended: boolean
  cycle: BillingCycle
  /**
   * The service started or restarted this month (activation, or a first span day after the 1st): this
   * month's fixed fee is on this statement, as it was not charged in advance.
   */
  started: boolean
  free: DayRange | null
}

/**
 * The days charges are measured on: usage on `spans`; fixed fees (a plan's fee, a contract's minimum) on
 * `fee_days`, which run past the period while the service runs (a fee paid in advance covers them).
 */
type Basis = { spans: DayRange[]; fee_days: DayRange[] }

const sumUnits = (lines: { units: bigint }[]) => lines.reduce((sum, l) => sum + l.units, 0n)
const daysOf = (ranges: DayRange[]) => (ranges.length ? [ranges[0].from, ranges[ranges.length - 1].to] : [])

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

function usageLines(ctx: Context, basis: Basis): Line[] {
  const { input, money } = ctx
  return measureUsage(input.snapshots, basis.spans, input.offer.storage_basis).flatMap((q) => {
    const price = priceOf(input.offer.unit_prices?.[q.offering_item], money.currency)
    if (!price) return []
    return [
      line(money, "usage", {
        offering_item: q.offering_item,
        description: usageDescription(q, input.offer.storage_basis),
        quantity: q.quantity,
        unit: q.unit,
        unit_price: price,
        sources: { snapshot_ids: q.snapshot_ids, days: q.days, raw_quantity: q.raw.toString() },
      }),
    ]
  })
}

/** A contract's minimum for the month, prorated to its fee days: a partial first or last month owes its share. */
function commitmentShortfall(ctx: Context, basis: Basis, usage: Line[]): Line[] {
  const { input, money, bounds } = ctx
  const minimum = input.offer.commitments?.[money.currency] ?? input.commitment_minimum ?? null
  if (minimum === null) return []
  const days = countDays(spansWithin(basis.fee_days, bounds.start, bounds.end))
  const owed = mul(fromDecimal(minimum), ratio(days, bounds.days))
  const used = ratio(sumUnits(usage), 10n ** BigInt(money.digits))
  const shortfall = sub(owed, used)
  if (cmp(shortfall, ZERO) <= 0) return []
  const code = money.currency.toUpperCase()
  const share = days < bounds.days ? ` for ${days} of ${bounds.days} days (${toDecimalString(owed, money.digits)})` : ""
  return [
    line(money, "commitment_shortfall", {
      description: `Minimum commitment ${toDecimalString(fromDecimal(minimum), money.digits)} ${code}${share}: usage ${toDecimalString(used, money.digits)}, shortfall`,
      quantity: ratio(1),
      unit: "months",
      unit_price: shortfall,
      sources: { snapshot_ids: [], days: daysOf(spansWithin(basis.fee_days, bounds.start, bounds.end)) },
    }),
  ]
}

/** Items measured in counts that the plan's offer enables: its user accounts (seats). */
function seatItems(input: StatementInput): string[] {
  const counted = new Set(input.snapshots.filter((s) => s.measurement_unit === "quantity").map((s) => s.offering_item))
  return input.offer.offering_items.map((i) => i.name).filter((name) => counted.has(name))
}

/**
 * The seats a pre-paid plan's fee is for. Offers saved before `included_seats` was required fall back on
 * the quotas of the items counted in units: a quota in bytes or seconds is not a number of seats.
 */
function includedSeats(input: StatementInput): number {
  const included = input.offer.plan?.included_seats
  if (included !== null && included !== undefined) return included
  const seats = new Set(seatItems(input))
  return input.offer.offering_items.reduce((sum, i) => sum + (seats.has(i.name) ? (i.quota?.value ?? 0) : 0), 0)
}

const seatPrice = (ctx: Context) => priceOf(ctx.input.offer.plan?.seat_prices, ctx.money.currency) ?? ZERO

function peakSeatsLine(ctx: Context, basis: Basis): Line {
  const { peak, day, ids } = peakOfSum(ctx.input.snapshots, seatItems(ctx.input), basis.spans)
  return line(ctx.money, "seat", {
    description: "User accounts — the month's peak",
    quantity: ratio(peak),
    unit: "seats",
    unit_price: seatPrice(ctx),
    sources: { snapshot_ids: ids, days: day ? [day] : [] },
  })
}

function overageLines(ctx: Context, basis: Basis): Line[] {
  const { input, money } = ctx
  return input.offer.offering_items.flatMap((item) => {
    const quota = item.quota?.value
    const snapshots = input.snapshots.filter((s) => s.offering_item === item.name)
    if (quota === null || quota === undefined || !snapshots.length) return []
    const peak = measureItem(snapshots, basis.spans, "peak")
    const over = peak.raw - BigInt(quota)
    if (over <= 0n) return []
    const { unit, per } = billingUnit(peak.measurement_unit)
    return [
      line(money, "overage", {
        offering_item: item.name,
        description: `${item.name} — above the plan's ${quota}`,
        quantity: ratio(over, per),
        unit,
        unit_price: priceOf(input.offer.unit_prices?.[item.name], money.currency) ?? seatPrice(ctx),
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
 * A pre-paid plan's charges: when the service starts here, the fees of the periods it runs in this month
 * (on a yearly plan resumed just before its anniversary, the rest of the old year and the new one); overage;
 * the next fee in advance.
 */
function prePaidLines(ctx: Context, basis: Basis, fee: Ratio): Line[] {
  const activated = ctx.input.activated_on
  const start = ctx.spans[0].from
  const current = ctx.started
    ? feePeriodsIn(ctx.cycle, activated, ctx.input.period, start).map(({ period, from }) => feeLine(ctx, basis, fee, period, from))
    : []
  const next = ctx.ended ? null : advanceFeeOn(ctx.cycle, activated, ctx.input.period)
  const advance = next ? [feeLine(ctx, basis, fee, next, next.from, ", in advance")] : []
  return [...current, ...overageLines(ctx, basis), ...advance]
}

/**
 * When the service ends in a month whose fee was paid in advance, the fee for the days without service
 * (after the end, and gaps this month) comes back, so the month is paid for its span days only; on a yearly
 * plan the rest of the plan year comes back too. Free days were never charged, so they are not returned.
 */
function returnedFeeLines(ctx: Context, fee: Ratio): Line[] {
  if (!ctx.ended || ctx.started) return []
  return feePeriodsIn(ctx.cycle, ctx.input.activated_on, ctx.input.period, ctx.bounds.start).flatMap(({ period, from }) => {
    const charged = [{ from, to: period.to }]
    const unused = withoutDays(ctx.spans.reduce<DayRange[]>((days, span) => withoutDays(days, span), charged), ctx.free)
    const months = monthsWorth(period, unused)
    if (!months.n) return []
    return [
      line(ctx.money, "proration", {
        description: `Plan fee for ${period.label}: ${countDays(unused)} days without service returned`,
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

function planLines(ctx: Context, basis: Basis, plan: NonNullable<OfferTerms["plan"]>): Line[] {
  if (plan.payment === "post_paid") {
    const charged = [peakSeatsLine(ctx, basis)]
    return ctx.free ? [...charged, ...freeMonthLines(ctx, charged, [peakSeatsLine(ctx, billableBasis(basis, ctx.free))])] : charged
  }
  const fee = mul(ratio(includedSeats(ctx.input)), seatPrice(ctx))
  const charged = prePaidLines(ctx, basis, fee)
  const free = ctx.free ? freeMonthLines(ctx, charged, prePaidLines(ctx, billableBasis(basis, ctx.free), fee)) : []
  return [...charged, ...free, ...returnedFeeLines(ctx, fee)]
}

const billableBasis = (basis: Basis, free: DayRange): Basis => ({
  spans: withoutDays(basis.spans, free),
  fee_days: withoutDays(basis.fee_days, free),
})

function chargeLines(ctx: Context): Line[] {
  // A suspension later resumed does not reduce fixed fees; the end of the service does, to its span days.
  const basis: Basis = { spans: ctx.spans, fee_days: ctx.ended ? ctx.spans : [{ from: ctx.spans[0].from, to: FAR_FUTURE }] }
  const { offer } = ctx.input
  if (offer.type === "plan" && offer.plan) return planLines(ctx, basis, offer.plan)
  const usage = usageLines(ctx, basis)
  return offer.type === "contract" ? [...usage, ...commitmentShortfall(ctx, basis, usage)] : usage
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
 * is a restart: the month before ended, so nothing was charged in advance for it. A service resumed exactly
 * on a 1st cannot be told from one that ran on, and is taken as paid in advance.
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
 * Trial offers (`in_trial`) bill nothing. What was paid at checkout (`checkout_credit`) comes off last, as a
 * `credit` line of at most the total, so the total never goes below zero on its account; `credit_used` says
 * how much, and the caller carries the rest to the next statement.
 */
export function buildStatement(input: StatementInput): DraftStatement {
  const currency = input.currency_code.toLowerCase()
  const money: Money = { digits: currencyDigits(currency), currency }
  const bounds = periodBounds(input.period)
  const spans = serviceDays(input, bounds)
  let lines: Line[] = []
  if (spans.length && !input.in_trial) {
    const charged = chargeLines({
      input,
      money,
      bounds,
      spans,
      ended: input.service_ended ?? false,
      cycle: input.billing_cycle ?? "month",
      started: periodOf(input.activated_on) === input.period || spans[0].from > bounds.start,
      free: hasFreeFirstMonth(input.offer) ? freeMonthOf(input.activated_on) : null,
    })
    lines = [...charged, ...checkoutCreditLines(money, charged, input.checkout_credit)]
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
