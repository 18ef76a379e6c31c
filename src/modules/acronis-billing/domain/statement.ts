/**
 * A subscription's statement for one calendar month: one line per billable offering item and the lines the
 * offer's terms add (commitment shortfall, seats, plan fees, overage, free month). Pure: the same snapshots
 * and terms always give the same lines, to the cent.
 *
 * Amounts: each line is `quantity × unit price` computed exactly and rounded once, half away from zero, to the
 * currency's minor unit; the total is the sum of the rounded lines.
 */
import { add, cmp, currencyDigits, formatUnits, fromDecimal, mul, ratio, roundToUnits, sub, toDecimalString, ZERO, type Ratio } from "./exact"
import { dayCount, nextPeriod, periodBounds, type Period } from "./period"
import { billingUnit, measureItem, measureUsage, peakOfSum, type ItemQuantity, type StorageBasis, type UsageSnapshotInput } from "./quantities"

export const STATEMENT_LINE_KINDS = ["usage", "commitment_shortfall", "seat", "overage", "free_month", "proration"] as const
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
}

type Money = { digits: number; currency: string }

function line(
  money: Money,
  kind: StatementLineKind,
  fields: { offering_item?: string | null; description: string; quantity: Ratio; unit: string; unit_price: Ratio; sources: DraftLine["sources"] }
): DraftLine & { units: bigint } {
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

function usageLines(input: StatementInput, money: Money, window: { from: string; to: string }) {
  const quantities = measureUsage(input.snapshots, window, input.offer.storage_basis)
  return quantities.flatMap((q) => {
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

/** Items measured in counts that the plan's offer enables: its user accounts (seats). */
function seatItems(input: StatementInput): string[] {
  const counted = new Set(input.snapshots.filter((s) => s.measurement_unit === "quantity").map((s) => s.offering_item))
  return input.offer.offering_items.map((i) => i.name).filter((name) => counted.has(name))
}

function planLines(input: StatementInput, money: Money, window: { from: string; to: string }, bounds: ReturnType<typeof periodBounds>) {
  const plan = input.offer.plan!
  const seatPrice = priceOf(plan.seat_prices, money.currency) ?? ZERO
  const lines: (DraftLine & { units: bigint })[] = []

  if (plan.payment === "post_paid") {
    const { peak, day, ids } = peakOfSum(input.snapshots, seatItems(input), window)
    lines.push(
      line(money, "seat", {
        description: "User accounts — the month's peak",
        quantity: ratio(peak),
        unit: "seats",
        unit_price: seatPrice,
        sources: { snapshot_ids: ids, days: day ? [day] : [] },
      })
    )
    return lines
  }

  // Pre-paid: the plan's fixed price, charged at the start of each period; the month it starts in is
  // prorated by days from activation; usage above a quota is overage.
  const includedSeats =
    plan.included_seats ?? input.offer.offering_items.reduce((sum, i) => sum + (i.quota?.value ?? 0), 0)
  const fee = mul(ratio(includedSeats), seatPrice)
  if (input.activated_on >= bounds.start && input.activated_on <= bounds.end) {
    const days = dayCount(input.activated_on, bounds.end)
    const partial = days < bounds.days
    lines.push(
      line(money, partial ? "proration" : "seat", {
        description: partial
          ? `Plan fee for ${input.period}, ${days} of ${bounds.days} days from ${input.activated_on}`
          : `Plan fee for ${input.period}`,
        quantity: ratio(days, bounds.days),
        unit: "months",
        unit_price: fee,
        sources: { snapshot_ids: [], days: [input.activated_on, bounds.end], service_period: input.period },
      })
    )
  }
  for (const item of input.offer.offering_items) {
    const quota = item.quota?.value
    const snapshots = input.snapshots.filter((s) => s.offering_item === item.name)
    if (quota === null || quota === undefined || !snapshots.length) continue
    const peak = measureItem(snapshots, window, "peak")
    const over = peak.raw - BigInt(quota)
    if (over <= 0n) continue
    const { unit, per } = billingUnit(peak.measurement_unit)
    lines.push(
      line(money, "overage", {
        offering_item: item.name,
        description: `${item.name} — above the plan's ${quota}`,
        quantity: ratio(over, per),
        unit,
        unit_price: priceOf(input.offer.unit_prices?.[item.name], money.currency) ?? seatPrice,
        sources: { snapshot_ids: peak.snapshot_ids, days: peak.days, raw_quantity: over.toString() },
      })
    )
  }
  if (plan.postponed_billing && input.activated_on >= bounds.start && input.activated_on <= bounds.end) {
    lines.push(freeMonthLine(money, lines, input.period))
  }
  const next = nextPeriod(input.period)
  lines.push(
    line(money, "seat", {
      description: `Plan fee for ${next}, in advance`,
      quantity: ratio(1),
      unit: "months",
      unit_price: fee,
      sources: { snapshot_ids: [], days: [], service_period: next },
    })
  )
  return lines
}

function freeMonthLine(money: Money, lines: { units: bigint }[], period: Period) {
  const waived = lines.reduce((sum, l) => sum + l.units, 0n)
  return {
    kind: "free_month" as const,
    offering_item: null,
    description: `First month free (postponed billing), ${period}`,
    quantity: "1",
    unit: "months",
    unit_price: formatUnits(-waived, money.digits),
    amount: formatUnits(-waived, money.digits),
    sources: { snapshot_ids: [], days: [], service_period: period },
    units: -waived,
  }
}

export function buildStatement(input: StatementInput): DraftStatement {
  const currency = input.currency_code.toLowerCase()
  const money: Money = { digits: currencyDigits(currency), currency }
  const bounds = periodBounds(input.period)
  const from = input.activated_on > bounds.start ? input.activated_on : bounds.start
  const to = input.as_of && input.as_of < bounds.end ? input.as_of : bounds.end
  if (from > to) {
    return { period: input.period, currency_code: currency, window: null, lines: [], total: formatUnits(0n, money.digits) }
  }
  const window = { from, to }
  let lines: (DraftLine & { units: bigint })[]

  if (input.offer.type === "plan" && input.offer.plan) {
    lines = planLines(input, money, window, bounds)
    if (input.offer.plan.payment === "post_paid" && input.offer.plan.postponed_billing && input.activated_on >= bounds.start) {
      lines.push(freeMonthLine(money, lines, input.period))
    }
  } else {
    lines = usageLines(input, money, window)
    if (input.offer.type === "contract") {
      const minimum = input.offer.commitments?.[currency] ?? input.commitment_minimum ?? null
      if (minimum !== null) {
        const usage = ratio(lines.reduce((sum, l) => sum + l.units, 0n), 10n ** BigInt(money.digits))
        const shortfall = sub(fromDecimal(minimum), usage)
        if (cmp(shortfall, ZERO) > 0) {
          lines.push(
            line(money, "commitment_shortfall", {
              description: `Minimum commitment ${toDecimalString(fromDecimal(minimum), money.digits)} ${currency.toUpperCase()}: usage ${toDecimalString(usage, money.digits)}, shortfall`,
              quantity: ratio(1),
              unit: "months",
              unit_price: shortfall,
              sources: { snapshot_ids: [], days: [] },
            })
          )
        }
      }
    }
  }
  const totalUnits = lines.reduce((sum, l) => sum + l.units, 0n)
  return {
    period: input.period,
    currency_code: currency,
    window,
    lines: lines.map(({ units: _units, ...rest }) => rest),
    total: formatUnits(totalUnits, money.digits),
  }
}

/** Sum of decimal amount strings, exact (for API totals). */
export function sumAmounts(amounts: string[]): Ratio {
  return amounts.reduce((sum, a) => add(sum, fromDecimal(a)), ZERO)
}
