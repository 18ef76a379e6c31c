import { fromDecimal, formatUnits, roundToUnits, toDecimalString } from "../exact"
import { dayCount, nextPeriod, periodBounds, previousPeriod } from "../period"
import { measureUsage, type UsageSnapshotInput } from "../quantities"
import { reconcile } from "../reconciliation"
import { buildStatement, type OfferTerms } from "../statement"

const GiB = 1073741824n
let seq = 0
function snap(offering_item: string, day: string, value: bigint | number, extra: Partial<UsageSnapshotInput> = {}): UsageSnapshotInput {
  const measurement_unit = extra.measurement_unit ?? (offering_item.includes("storage") ? "bytes" : "quantity")
  return {
    id: `s${++seq}`,
    offering_item,
    infra_id: extra.infra_id ?? (measurement_unit === "bytes" ? "infra-a" : ""),
    measurement_unit,
    day,
    value: String(value),
    absolute_value: extra.absolute_value ?? String(value),
  }
}

const ppu = (over: Partial<OfferTerms> = {}): OfferTerms => ({
  type: "ppu",
  unit_prices: { pg_base_storage: { usd: 0.05 }, pg_base_workstations: { usd: 4 }, pw_base_adv_dr_compute_points: { usd: 0.3 } },
  storage_basis: "peak",
  commitments: null,
  plan: null,
  offering_items: [],
  ...over,
})

describe("exact arithmetic", () => {
  it("reads decimals without floats and rounds half away from zero once", () => {
    expect(fromDecimal(0.045)).toEqual({ n: 9n, d: 200n })
    expect(fromDecimal("1.5e-3")).toEqual({ n: 3n, d: 2000n })
    expect(roundToUnits({ n: 1005n, d: 100000n }, 2)).toEqual(1n) // 0.01005 → 0.01
    expect(roundToUnits({ n: 5n, d: 1000n }, 2)).toEqual(1n) // 0.005 → 0.01
    expect(formatUnits(-1234n, 2)).toEqual("-12.34")
    expect(formatUnits(5n, 0)).toEqual("5")
    expect(toDecimalString({ n: 3n, d: 2n })).toEqual("1.5")
  })

  it("knows calendar months", () => {
    expect(periodBounds("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29", days: 29 })
    expect(nextPeriod("2026-12")).toEqual("2027-01")
    expect(previousPeriod("2026-01")).toEqual("2025-12")
    expect(dayCount("2026-09-11", "2026-09-30")).toEqual(20)
  })
})

describe("billable quantities", () => {
  const window = { from: "2026-09-01", to: "2026-09-30" }

  it("takes storage's peak or last day, in binary GB, summing storages per day", () => {
    const rows = [
      snap("pg_base_storage", "2026-09-01", 10n * GiB),
      snap("pg_base_storage", "2026-09-10", 30n * GiB),
      snap("pg_base_storage", "2026-09-10", 5n * GiB, { infra_id: "infra-b" }),
      snap("pg_base_storage", "2026-09-20", 12n * GiB),
    ]
    const [peak] = measureUsage(rows, window, "peak")
    expect(peak.raw).toEqual(35n * GiB)
    expect(toDecimalString(peak.quantity)).toEqual("35")
    expect(peak.days).toEqual(["2026-09-10"])
    // infra-b carries its 5 GB to the last day: 12 + 5.
    const [last] = measureUsage(rows, window, "last_day")
    expect(last.raw).toEqual(17n * GiB)
  })

  it("holds bytes beyond 2^53 exactly", () => {
    const huge = 2n ** 60n + 1n
    const [q] = measureUsage([snap("pg_base_storage", "2026-09-03", huge)], window, "peak")
    expect(q.raw).toEqual(huge)
    expect(q.quantity).toEqual({ n: huge, d: GiB })
  })

  it("counts compute seconds as hours consumed in the window, from the cumulative counter", () => {
    const cp = (day: string, value: number, absolute: number) =>
      snap("pw_base_adv_dr_compute_points", day, value, { measurement_unit: "seconds", infra_id: "dr", absolute_value: String(absolute) })
    const [q] = measureUsage([cp("2026-08-31", 7200, 50000), cp("2026-09-05", 3600, 53600), cp("2026-09-30", 9000, 59000)], window, "peak")
    expect(q.raw).toEqual(9000n)
    expect(toDecimalString(q.quantity)).toEqual("2.5")
    // Without a snapshot before the month, the first one's absolute - value is the counter on the 1st.
    const [r] = measureUsage([cp("2026-09-05", 3600, 53600), cp("2026-09-30", 9000, 59000)], window, "peak")
    expect(r.raw).toEqual(9000n)
  })
})

describe("statements", () => {
  it("pay per use: peak storage and peak count × unit price, to the cent", () => {
    const statement = buildStatement({
      period: "2026-09",
      currency_code: "USD",
      offer: ppu(),
      activated_on: "2026-08-01",
      snapshots: [
        snap("pg_base_storage", "2026-09-02", 100n * GiB + GiB / 2n),
        snap("pg_base_workstations", "2026-09-02", 3),
        snap("pg_base_workstations", "2026-09-20", 5),
      ],
    })
    expect(statement.lines.map((l) => [l.kind, l.offering_item, l.quantity, l.amount])).toEqual([
      ["usage", "pg_base_storage", "100.5", "5.03"], // 5.025 rounds up
      ["usage", "pg_base_workstations", "5", "20.00"],
    ])
    expect(statement.total).toEqual("25.03")
  })

  it("counts usage from a mid-month start only", () => {
    const statement = buildStatement({
      period: "2026-09",
      currency_code: "usd",
      offer: ppu(),
      activated_on: "2026-09-15",
      snapshots: [snap("pg_base_workstations", "2026-09-10", 9), snap("pg_base_workstations", "2026-09-15", 2)],
    })
    expect(statement.window).toEqual({ from: "2026-09-15", to: "2026-09-30" })
    expect(statement.total).toEqual("8.00")
  })

  it("contract: the commitment when usage is below it, with a visible shortfall", () => {
    const offer = ppu({ type: "contract", commitments: { usd: 250 } })
    const below = buildStatement({ period: "2026-09", currency_code: "usd", offer, activated_on: "2026-01-01", snapshots: [snap("pg_base_workstations", "2026-09-01", 10)] })
    expect(below.lines.map((l) => [l.kind, l.amount])).toEqual([["usage", "40.00"], ["commitment_shortfall", "210.00"]])
    expect(below.total).toEqual("250.00")
    const above = buildStatement({ period: "2026-09", currency_code: "usd", offer, activated_on: "2026-01-01", snapshots: [snap("pg_base_workstations", "2026-09-01", 70)] })
    expect(above.lines.map((l) => l.kind)).toEqual(["usage"])
    expect(above.total).toEqual("280.00")
  })

  const plan = (payment: "pre_paid" | "post_paid", postponed = false): OfferTerms =>
    ppu({
      type: "plan",
      unit_prices: {},
      plan: { payment, postponed_billing: postponed, seat_prices: { eur: 3.5 }, included_seats: 10 },
      offering_items: [{ name: "pw_base_workstations", quota: { value: 10, overage: 5 } }],
    })

  it("post-paid plan: the month's peak of user accounts × seat price", () => {
    const s = buildStatement({
      period: "2026-09",
      currency_code: "eur",
      offer: plan("post_paid"),
      activated_on: "2026-01-01",
      snapshots: [snap("pw_base_workstations", "2026-09-01", 4), snap("pw_base_workstations", "2026-09-12", 7), snap("pw_base_workstations", "2026-09-20", 6)],
    })
    expect(s.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([["seat", "7", "24.50"]])
  })

  it("pre-paid plan: prorated first month, the next month in advance, overage above the quota", () => {
    const s = buildStatement({
      period: "2026-09",
      currency_code: "eur",
      offer: plan("pre_paid"),
      activated_on: "2026-09-11",
      snapshots: [snap("pw_base_workstations", "2026-09-11", 8), snap("pw_base_workstations", "2026-09-25", 13)],
    })
    expect(s.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
      ["proration", "0.666667", "23.33"], // 35 × 20/30
      ["overage", "3", "10.50"],
      ["seat", "1", "35.00"],
    ])
    expect(s.total).toEqual("68.83")
  })

  it("postponed billing: the first month is free, the next one is charged", () => {
    const s = buildStatement({ period: "2026-09", currency_code: "eur", offer: plan("pre_paid", true), activated_on: "2026-09-11", snapshots: [] })
    expect(s.lines.map((l) => [l.kind, l.amount])).toEqual([["proration", "23.33"], ["free_month", "-23.33"], ["seat", "35.00"]])
    expect(s.total).toEqual("35.00")
    const post = buildStatement({ period: "2026-09", currency_code: "eur", offer: plan("post_paid", true), activated_on: "2026-09-11", snapshots: [snap("pw_base_workstations", "2026-09-11", 4)] })
    expect(post.total).toEqual("0.00")
  })

  it("uses the currency's minor unit (JPY has none)", () => {
    const s = buildStatement({
      period: "2026-09",
      currency_code: "jpy",
      offer: ppu({ unit_prices: { pg_base_storage: { jpy: 7 } } }),
      activated_on: "2026-01-01",
      snapshots: [snap("pg_base_storage", "2026-09-01", GiB / 2n + 1n)],
    })
    expect(s.total).toEqual("4") // 3.5000000065 → 4
  })
})

describe("reconciliation", () => {
  it("compares the last day's level and the month's seconds with the report, and lists every difference", () => {
    const rows = [
      snap("pg_base_storage", "2026-09-05", 40n * GiB),
      snap("pg_base_storage", "2026-09-30", 20n * GiB),
      snap("pg_base_workstations", "2026-09-30", 0),
    ]
    expect(reconcile(rows, [{ name: "pg_base_storage", infra_id: "infra-a", value: Number(20n * GiB) }], "2026-09")).toEqual({
      status: "matched",
      compared: 1,
      details: [],
    })
    const skewed = reconcile(rows, [{ name: "pg_base_storage", infra_id: "infra-a", value: Number(21n * GiB) }, { name: "notarizations", value: 2 }], "2026-09")
    expect(skewed.status).toEqual("mismatch")
    expect(skewed.details).toEqual([
      { offering_item: "notarizations", infra_id: null, ours: "0", acronis: "2" },
      { offering_item: "pg_base_storage", infra_id: "infra-a", ours: String(20n * GiB), acronis: String(21n * GiB) },
    ])
  })
})
