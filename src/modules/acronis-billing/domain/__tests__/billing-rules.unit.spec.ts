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
    pricing_mode: extra.pricing_mode,
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
    // The free month runs 11 Sep to 10 Oct: it also takes 10 of October's 31 days off the fee paid in advance.
    expect(s.lines.map((l) => [l.kind, l.amount])).toEqual([["proration", "23.33"], ["seat", "35.00"], ["free_month", "-34.62"]])
    expect(s.total).toEqual("23.71") // 35 × 21/31
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
      { pricing_mode: "production", offering_item: "notarizations", infra_id: null, ours: "0", acronis: "2" },
      { pricing_mode: "production", offering_item: "pg_base_storage", infra_id: "infra-a", ours: String(20n * GiB), acronis: String(21n * GiB) },
    ])
  })

  it("compares production with production and trial with trial", () => {
    const trial = { pricing_mode: "trial" }
    const rows = [
      snap("pg_base_workstations", "2026-09-30", 4, trial),
      snap("pw_base_adv_dr_compute_points", "2026-09-10", 1000, { measurement_unit: "seconds", infra_id: "dr", absolute_value: "5000", ...trial }),
      snap("pw_base_adv_dr_compute_points", "2026-09-30", 1800, { measurement_unit: "seconds", infra_id: "dr", absolute_value: "5800" }),
    ]
    const split = (production: number, trial: number) => ({ effective: { production, trial, total: production + trial } })
    const report = [
      { name: "pg_base_workstations", value: 4, usage: split(0, 4) },
      { name: "pw_base_adv_dr_compute_points", infra_id: "dr", value: 1800, usage: split(800, 1000) },
    ]
    expect(reconcile(rows, report, "2026-09")).toEqual({ status: "matched", compared: 3, details: [] })
    // The same totals with the modes the other way round do not match: a total is not compared.
    const swapped = reconcile(rows, [{ ...report[0], usage: split(4, 0) }, report[1]], "2026-09")
    expect(swapped.details).toEqual([
      { pricing_mode: "production", offering_item: "pg_base_workstations", infra_id: null, ours: "0", acronis: "4" },
      { pricing_mode: "trial", offering_item: "pg_base_workstations", infra_id: null, ours: "4", acronis: "0" },
    ])
  })
})

describe("trial usage", () => {
  it("bills production usage only: a trial day's level counts 0, and a counter's trial seconds are taken out", () => {
    const trial = { pricing_mode: "trial" }
    const points = (day: string, value: number, absolute: number, extra: Partial<UsageSnapshotInput> = {}) =>
      snap("pw_base_adv_dr_compute_points", day, value, { measurement_unit: "seconds", infra_id: "dr", absolute_value: String(absolute), ...extra })
    const statement = buildStatement({
      period: "2026-09",
      currency_code: "usd",
      offer: ppu(),
      activated_on: "2026-08-01",
      snapshots: [
        snap("pg_base_workstations", "2026-09-02", 7, trial),
        snap("pg_base_workstations", "2026-09-15", 3),
        points("2026-09-02", 3600, 10_800, trial),
        points("2026-09-14", 7200, 14_400, trial),
        points("2026-09-20", 14_400, 21_600),
        points("2026-09-30", 18_000, 25_200),
      ],
    })
    // Workstations: the trial days' 7 is not billed, the production peak is 3. Compute points: 18,000 s this
    // month, of which 7,200 in trial: 3 hours billed.
    expect(statement.lines.map((l) => [l.offering_item, l.quantity, l.amount])).toEqual([
      ["pg_base_workstations", "3", "12.00"],
      ["pw_base_adv_dr_compute_points", "3", "0.90"],
    ])
  })

  it("bills a tenant that never left trial nothing", () => {
    const statement = buildStatement({
      period: "2026-09",
      currency_code: "usd",
      offer: ppu(),
      activated_on: "2026-08-01",
      snapshots: [snap("pg_base_workstations", "2026-09-02", 7, { pricing_mode: "trial" })],
    })
    expect(statement.total).toEqual("0.00")
  })
})

describe("money you can trust", () => {
  const seats = (day: string, value: number) => snap("pw_base_workstations", day, value)
  const terms = (payment: "pre_paid" | "post_paid", plan: Partial<NonNullable<OfferTerms["plan"]>> = {}): OfferTerms =>
    ppu({
      type: "plan",
      unit_prices: {},
      plan: { payment, seat_prices: { eur: 3.5 }, included_seats: 10, ...plan },
      offering_items: [{ name: "pw_base_workstations", quota: { value: 10, overage: 5 } }],
    })
  const base = { currency_code: "eur", snapshots: [] as UsageSnapshotInput[] }
  const rows = (s: ReturnType<typeof buildStatement>) => s.lines.map((l) => [l.kind, l.quantity, l.amount])

  describe("service days", () => {
    const gap = [
      { from: "2026-09-01", to: "2026-09-09" },
      { from: "2026-09-20", to: "2026-09-30" },
    ]

    it("takes the peak over span days only; a value synced before a span carries into it", () => {
      const bill = (snapshots: UsageSnapshotInput[]) =>
        buildStatement({ period: "2026-09", currency_code: "usd", offer: ppu(), activated_on: "2026-08-01", spans: gap, snapshots })
      const offDuringGap = bill([snap("pg_base_workstations", "2026-09-01", 2), snap("pg_base_workstations", "2026-09-12", 9), snap("pg_base_workstations", "2026-09-20", 3)])
      expect(offDuringGap.lines.map((l) => [l.quantity, l.amount, l.sources.days])).toEqual([["3", "12.00", ["2026-09-20"]]])
      const carried = bill([snap("pg_base_workstations", "2026-09-01", 2), snap("pg_base_workstations", "2026-09-12", 9), snap("pg_base_workstations", "2026-09-25", 4)])
      expect(carried.lines.map((l) => [l.quantity, l.amount, l.sources.days])).toEqual([["9", "36.00", ["2026-09-20"]]])
      expect(carried.window).toEqual({ from: "2026-09-01", to: "2026-09-30" })
    })

    it("sums compute seconds per span and reads last-day storage on the last span day", () => {
      const cp = (day: string, value: number, absolute: number) =>
        snap("pw_base_adv_dr_compute_points", day, value, { measurement_unit: "seconds", infra_id: "dr", absolute_value: String(absolute) })
      const compute = buildStatement({
        period: "2026-09",
        currency_code: "usd",
        offer: ppu(),
        activated_on: "2026-08-01",
        spans: gap,
        // 3 600 s in the first span, 7 200 s while off, 3 600 s in the second.
        snapshots: [cp("2026-08-31", 7200, 50000), cp("2026-09-09", 3600, 53600), cp("2026-09-19", 10800, 60800), cp("2026-09-30", 14400, 64400)],
      })
      expect(compute.lines.map((l) => [l.quantity, l.amount])).toEqual([["2", "0.60"]])

      const lastDay = buildStatement({
        period: "2026-09",
        currency_code: "usd",
        offer: ppu({ storage_basis: "last_day" }),
        activated_on: "2026-08-01",
        spans: [{ from: "2026-09-01", to: "2026-09-20" }],
        service_ended: true,
        snapshots: [snap("pg_base_storage", "2026-09-05", 40n * GiB), snap("pg_base_storage", "2026-09-25", 10n * GiB)],
      })
      expect(lastDay.lines.map((l) => [l.quantity, l.amount, l.sources.days])).toEqual([["40", "2.00", ["2026-09-20"]]])
    })

    it("pre-paid: a suspension within a month paid in advance changes nothing; a restart after the 1st charges the month from that day", () => {
      const bill = (spans: { from: string; to: string }[]) => buildStatement({ ...base, period: "2026-10", offer: terms("pre_paid"), activated_on: "2026-08-01", spans })
      expect(rows(bill([{ from: "2026-10-01", to: "2026-10-09" }, { from: "2026-10-20", to: "2026-10-31" }]))).toEqual([["seat", "1", "35.00"]])
      const restarted = bill([{ from: "2026-10-15", to: "2026-10-31" }])
      expect(rows(restarted)).toEqual([["proration", "0.548387", "19.19"], ["seat", "1", "35.00"]]) // 35 × 17/31, then November
      expect(restarted.lines[0].description).toEqual("Plan fee for 2026-10, 17 of 31 days from 2026-10-15")
    })

    it("bills nothing without service days", () => {
      const s = buildStatement({ period: "2026-09", currency_code: "usd", offer: ppu(), activated_on: "2026-08-01", spans: [], snapshots: [snap("pg_base_workstations", "2026-09-01", 5)] })
      expect(s).toEqual({ period: "2026-09", currency_code: "usd", window: null, lines: [], total: "0.00", credit_used: "0.00" })
    })
  })

  describe("pre-paid plans without included seats", () => {
    const storageQuota = { name: "pw_base_storage", quota: { value: Number(300n * GiB), overage: null } }

    it("counts seats only from quotas of items counted in units, never bytes", () => {
      const offer = { ...terms("pre_paid", { included_seats: null }), offering_items: [storageQuota, { name: "pw_base_workstations", quota: { value: 10, overage: 5 } }] }
      const s = buildStatement({ ...base, period: "2026-09", offer, activated_on: "2026-09-01", snapshots: [snap("pw_base_storage", "2026-09-01", 100n * GiB), seats("2026-09-01", 4)] })
      expect(rows(s)).toEqual([["seat", "1", "35.00"], ["seat", "1", "35.00"]])
      expect(s.total).toEqual("70.00")
    })

    it("has no seats when no item is counted in units", () => {
      const offer = { ...terms("pre_paid", { included_seats: null }), offering_items: [storageQuota] }
      const s = buildStatement({ ...base, period: "2026-09", offer, activated_on: "2026-09-01", snapshots: [snap("pw_base_storage", "2026-09-01", 100n * GiB)] })
      expect(s.total).toEqual("0.00")
    })
  })

  describe("free month: one month from the activation day", () => {
    it("post-paid, activated 31 January: free to 27 February, the peak of the billable days after it", () => {
      const offer = terms("post_paid", { postponed_billing: true })
      const snapshots = [seats("2026-01-31", 5), seats("2026-02-10", 10), seats("2026-02-20", 3)]
      const january = buildStatement({ ...base, period: "2026-01", offer, activated_on: "2026-01-31", snapshots })
      expect(rows(january)).toEqual([["seat", "5", "17.50"], ["free_month", "1", "-17.50"]])
      const february = buildStatement({ ...base, period: "2026-02", offer, activated_on: "2026-01-31", snapshots })
      // 10 seats on 10 Feb were free; 28 Feb is billed, at its 3.
      expect(rows(february)).toEqual([["seat", "10", "35.00"], ["free_month", "1", "-24.50"]])
      expect(february.total).toEqual("10.50")
      expect(february.lines[1].sources.days).toEqual(["2026-01-31", "2026-02-27"])
      const march = buildStatement({ ...base, period: "2026-03", offer, activated_on: "2026-01-31", snapshots })
      expect(rows(march)).toEqual([["seat", "3", "10.50"]])
    })

    it("pre-paid, activated 11 September: overage of the free days in October is free too", () => {
      const offer = terms("pre_paid", { postponed_billing: true })
      const october = buildStatement({ ...base, period: "2026-10", offer, activated_on: "2026-09-11", snapshots: [seats("2026-10-05", 13), seats("2026-10-11", 11)] })
      // Full overage 3 (5 Oct), billable 1 (from 11 Oct).
      expect(rows(october)).toEqual([["overage", "3", "10.50"], ["seat", "1", "35.00"], ["free_month", "1", "-7.00"]])
      expect(october.total).toEqual("38.50")
    })
  })

  describe("yearly pre-paid plans", () => {
    const yearly = terms("pre_paid")
    const bill = (period: string, extra: Partial<Parameters<typeof buildStatement>[0]> = {}) =>
      buildStatement({ ...base, period, offer: yearly, activated_on: "2026-09-11", billing_cycle: "year", ...extra })

    it("charge 12 monthly fees on the activation month, the next year the month before its anniversary month, overage monthly", () => {
      const september = bill("2026-09", { snapshots: [seats("2026-09-25", 13)] })
      expect(rows(september)).toEqual([["seat", "12", "420.00"], ["overage", "3", "10.50"]])
      expect(september.lines[0]).toEqual(
        expect.objectContaining({ description: "Plan fee for the year 2026-09-11 to 2027-09-10", sources: expect.objectContaining({ service_period: "2026-09-11/2027-09-10" }) })
      )
      expect(rows(bill("2026-10", { snapshots: [seats("2026-10-01", 12)] }))).toEqual([["overage", "2", "7.00"]])
      expect(bill("2027-07").lines).toEqual([])
      const august = bill("2027-08")
      expect(rows(august)).toEqual([["seat", "12", "420.00"]])
      expect(august.lines[0].description).toEqual("Plan fee for the year 2027-09-11 to 2028-09-10, in advance")
      expect(bill("2027-09").lines).toEqual([])
    })

    it("resumed after the 1st, just before the anniversary: the rest of the old year and the whole new one", () => {
      const s = bill("2027-09", { spans: [{ from: "2027-09-05", to: "2027-09-30" }] })
      // 5 to 10 Sep of the plan month 11 Aug to 10 Sep (31 days): 6/31 of a fee; then 11 Sep 2027 to 10 Sep 2028.
      expect(rows(s)).toEqual([["proration", "0.193548", "6.77"], ["seat", "12", "420.00"]])
    })

    it("with postponed billing, the free month is one fee of the twelve", () => {
      const s = bill("2026-09", { offer: terms("pre_paid", { postponed_billing: true }) })
      expect(rows(s)).toEqual([["seat", "12", "420.00"], ["free_month", "1", "-35.00"]])
      expect(s.total).toEqual("385.00")
    })

    it("post-paid plans stay billed monthly on the peak", () => {
      const s = bill("2026-10", { offer: terms("post_paid"), snapshots: [seats("2026-10-03", 7)] })
      expect(rows(s)).toEqual([["seat", "7", "24.50"]])
    })
  })

  describe("service ended", () => {
    it("pre-paid: the month charged on its own statement is prorated to its span days, nothing in advance", () => {
      const s = buildStatement({ ...base, period: "2026-09", offer: terms("pre_paid"), activated_on: "2026-09-11", spans: [{ from: "2026-09-11", to: "2026-09-20" }], service_ended: true })
      expect(rows(s)).toEqual([["proration", "0.333333", "11.67"]])
    })

    it("pre-paid: the days after the end of a month paid in advance come back", () => {
      const s = buildStatement({ ...base, period: "2026-10", offer: terms("pre_paid"), activated_on: "2026-08-01", spans: [{ from: "2026-10-01", to: "2026-10-10" }], service_ended: true })
      expect(rows(s)).toEqual([["proration", "-0.677419", "-23.71"]]) // 35 × 21/31
      expect(s.total).toEqual("-23.71")
    })

    it("yearly pre-paid: the rest of the plan year comes back, by plan months", () => {
      const s = buildStatement({
        ...base,
        period: "2027-03",
        offer: terms("pre_paid"),
        activated_on: "2026-09-11",
        billing_cycle: "year",
        spans: [{ from: "2027-03-01", to: "2027-03-10" }],
        service_ended: true,
      })
      // 11 Mar 2027 to 10 Sep 2027: six whole plan months.
      expect(rows(s)).toEqual([["proration", "-6", "-210.00"]])
    })

    it("contract: the minimum is prorated for a partial first or last month, exactly, rounded once", () => {
      const offer = ppu({ type: "contract", commitments: { usd: 250 } })
      const usage = [snap("pg_base_workstations", "2026-09-01", 10)]
      const first = buildStatement({ period: "2026-09", currency_code: "usd", offer, activated_on: "2026-09-11", snapshots: usage })
      expect(first.lines.map((l) => [l.kind, l.amount])).toEqual([["usage", "40.00"], ["commitment_shortfall", "126.67"]]) // 250 × 20/30 − 40
      expect(first.total).toEqual("166.67")
      const last = buildStatement({ period: "2026-09", currency_code: "usd", offer, activated_on: "2026-01-01", spans: [{ from: "2026-09-01", to: "2026-09-20" }], service_ended: true, snapshots: usage })
      expect(last.total).toEqual("166.67")
      const yen = buildStatement({ period: "2026-09", currency_code: "jpy", offer: ppu({ type: "contract", commitments: { jpy: 10000 } }), activated_on: "2026-09-11", snapshots: [] })
      expect(yen.lines.map((l) => [l.kind, l.amount])).toEqual([["commitment_shortfall", "6667"]]) // 6666.67 → 6667
    })
  })

  describe("trial offers and checkout credit", () => {
    it("bills nothing on an Acronis trial offer", () => {
      const s = buildStatement({ ...base, period: "2026-09", offer: terms("post_paid"), activated_on: "2026-08-01", in_trial: true, snapshots: [seats("2026-09-01", 7)] })
      expect(s.lines).toEqual([])
      expect(s.total).toEqual("0.00")
    })

    it("credits what was paid at checkout, at most the total, and says how much it used", () => {
      const bill = (checkout_credit: string) =>
        buildStatement({ ...base, period: "2026-09", offer: terms("pre_paid"), activated_on: "2026-09-11", snapshots: [seats("2026-09-25", 13)], checkout_credit })
      const part = bill("35")
      expect(rows(part)).toEqual([["proration", "0.666667", "23.33"], ["overage", "3", "10.50"], ["seat", "1", "35.00"], ["credit", "1", "-35.00"]])
      expect([part.total, part.credit_used]).toEqual(["33.83", "35.00"])
      const all = bill("100")
      expect(all.lines.at(-1)).toEqual(expect.objectContaining({ kind: "credit", amount: "-68.83" }))
      expect([all.total, all.credit_used]).toEqual(["0.00", "68.83"])
      const free = buildStatement({ ...base, period: "2026-09", offer: terms("post_paid", { postponed_billing: true }), activated_on: "2026-09-11", snapshots: [seats("2026-09-11", 4)], checkout_credit: "35" })
      expect(free.lines.map((l) => l.kind)).toEqual(["seat", "free_month"])
      expect([free.total, free.credit_used]).toEqual(["0.00", "0.00"])
    })
  })
})
