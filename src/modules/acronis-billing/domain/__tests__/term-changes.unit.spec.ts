import { buildStatement, type OfferTerms, type StatementInput, type TermSegment } from "../statement"
import type { UsageSnapshotInput } from "../quantities"

const GiB = 1073741824n
let seq = 0
function snap(offering_item: string, day: string, value: bigint | number, edition: string | null = null): UsageSnapshotInput {
  const measurement_unit = offering_item.includes("storage") ? "bytes" : "quantity"
  return { id: `s${++seq}`, offering_item, edition, infra_id: measurement_unit === "bytes" ? "infra-a" : "", measurement_unit, day, value: String(value), absolute_value: String(value) }
}
const rows = (s: ReturnType<typeof buildStatement>) => s.lines.map((l) => [l.kind, l.quantity, l.amount])

const plan = (payment: "pre_paid" | "post_paid" = "pre_paid"): OfferTerms => ({
  type: "plan",
  unit_prices: {},
  storage_basis: "peak",
  commitments: null,
  plan: { payment, seat_prices: { eur: 3.5 }, included_seats: 10 },
  offering_items: [{ name: "pw_base_workstations", quota: { value: 10, overage: 5 } }],
})
const seats = (from: string, count: number, start: TermSegment["start"], extra: Partial<TermSegment> = {}): TermSegment => ({
  from,
  start,
  offer: plan(),
  seats: count,
  label: `${count} seats`,
  ...extra,
})
const monthly = (period: string, extra: Partial<StatementInput> = {}) =>
  buildStatement({ period, currency_code: "eur", offer: plan(), activated_on: "2026-08-01", terms_label: "10 seats", snapshots: [], ...extra })

describe("a month billed in parts: pre-paid seats", () => {
  it("seats added at once: the old fee for the rest of the month comes back, the new one is charged, next month on the new seats", () => {
    const s = monthly("2026-09", { term_changes: [seats("2026-09-16", 15, "immediate")] })
    expect(rows(s)).toEqual([
      ["proration", "0.5", "26.25"], // 52.50 × 15/30
      ["seat", "1", "52.50"],
      ["proration", "-0.5", "-17.50"], // 35.00 × 15/30
    ])
    expect(s.total).toEqual("61.25") // 35 paid in August's advance + 8.75 for 5 seats × 15 days + October's 52.50
    expect(s.lines.map((l) => l.description)).toEqual([
      "Plan fee for 2026-09, 15 of 30 days from 2026-09-16 (2026-09-16 to 2026-09-30, 15 seats)",
      "Plan fee for 2026-10, in advance",
      "Plan fee for 2026-09: 15 days from 2026-09-16, after the terms changed, returned (2026-09-01 to 2026-09-15, 10 seats)",
    ])
    // The month after: one part, 15 seats in advance.
    expect(rows(monthly("2026-10", { term_changes: [seats("2026-09-16", 15, "immediate")] }))).toEqual([["seat", "1", "52.50"]])
  })

  it("seats removed from the next month: this month's advance is on the new seats, nothing is split", () => {
    const change = [seats("2026-10-01", 8, "scheduled")]
    const september = monthly("2026-09", { term_changes: change })
    expect(rows(september)).toEqual([["seat", "1", "28.00"]])
    expect(september.lines[0].description).toEqual("Plan fee for 2026-10, in advance (8 seats)")
    expect(rows(monthly("2026-10", { term_changes: change }))).toEqual([["seat", "1", "28.00"]])
  })

  it("seats added at once on the 1st, replacing seats removed from that day: what the advance charged comes back", () => {
    const changes = [seats("2026-10-01", 8, "scheduled"), seats("2026-10-01", 15, "immediate")]
    const october = monthly("2026-10", { term_changes: changes })
    expect(rows(october)).toEqual([["seat", "1", "52.50"], ["seat", "1", "52.50"], ["proration", "-1", "-28.00"]])
    expect(october.total).toEqual("77.00")
  })

  it("overage above each part's quota, for its share of the month", () => {
    const s = monthly("2026-09", {
      term_changes: [seats("2026-09-16", 15, "immediate")],
      snapshots: [snap("pw_base_workstations", "2026-09-01", 13)],
    })
    // 3 above 10 for 15 of 30 days; 13 is within 15 afterwards.
    expect(s.lines.map((l) => [l.kind, l.offering_item, l.quantity, l.amount])).toEqual([
      ["overage", "pw_base_workstations", "1.5", "5.25"],
      ["proration", null, "0.5", "26.25"],
      ["seat", null, "1", "52.50"],
      ["proration", null, "-0.5", "-17.50"],
    ])
  })

  it("post-paid seats do not change the bill: the month stays one part", () => {
    const s = buildStatement({
      period: "2026-09",
      currency_code: "eur",
      offer: plan("post_paid"),
      activated_on: "2026-08-01",
      snapshots: [snap("pw_base_workstations", "2026-09-01", 7)],
      term_changes: [{ ...seats("2026-09-16", 15, "immediate"), offer: plan("post_paid") }],
    })
    expect(s.lines.map((l) => [l.kind, l.quantity, l.amount, l.description])).toEqual([["seat", "7", "24.50", "User accounts — the month's peak"]])
  })

  it("a yearly plan's seats added at once: the rest of the plan year, by plan months", () => {
    const s = buildStatement({
      period: "2027-03",
      currency_code: "eur",
      offer: plan(),
      activated_on: "2026-09-11",
      billing_cycle: "year",
      snapshots: [],
      term_changes: [seats("2027-03-11", 15, "immediate", { billing_cycle: "year" })],
    })
    // 11 Mar to 10 Sep 2027: six plan months, at 52.50 and back at 35.
    expect(rows(s)).toEqual([["proration", "6", "315.00"], ["proration", "-6", "-210.00"]])
  })
})

describe("a month billed in parts: billing interval", () => {
  const yearly = (from: string, anchor = from): TermSegment => ({ from, start: "scheduled", offer: plan(), billing_cycle: "year", fee_anchor: anchor, label: "yearly" })

  it("monthly to yearly from the 1st: the first plan year is charged in advance, then nothing until the next", () => {
    const change = [yearly("2026-10-01")]
    const september = monthly("2026-09", { term_changes: change })
    expect(rows(september)).toEqual([["seat", "12", "420.00"]])
    expect(september.lines[0].description).toEqual("Plan fee for the year 2026-10-01 to 2027-09-30, in advance (yearly)")
    expect(monthly("2026-10", { term_changes: change }).lines).toEqual([])
    expect(rows(monthly("2027-09", { term_changes: change }))).toEqual([["seat", "12", "420.00"]])
  })

  it("yearly to monthly at the anniversary: the first month's days are charged in advance, nothing comes back", () => {
    const change: TermSegment[] = [{ from: "2027-09-11", start: "scheduled", offer: plan(), billing_cycle: "month", label: "monthly" }]
    const bill = (period: string) =>
      buildStatement({ period, currency_code: "eur", offer: plan(), activated_on: "2026-09-11", billing_cycle: "year", snapshots: [], term_changes: change })
    const august = bill("2027-08")
    expect(rows(august)).toEqual([["proration", "0.666667", "23.33"]]) // 20 of 30 September days
    expect(august.lines[0].description).toEqual("Plan fee for 2027-09, 20 of 30 days from 2027-09-11, in advance (monthly)")
    expect(rows(bill("2027-09"))).toEqual([["seat", "1", "35.00"]])
  })
})

describe("a month billed in parts: contracts and pay per use", () => {
  const contract = (minimum: number, price: number): OfferTerms => ({
    type: "contract",
    unit_prices: { pg_base_workstations: { usd: price } },
    storage_basis: "peak",
    commitments: { usd: minimum },
    plan: null,
    offering_items: [],
  })

  it("a tier upgrade at once: each part's minimum for its days, the usage shared by days at each tier's price", () => {
    const s = buildStatement({
      period: "2026-09",
      currency_code: "usd",
      offer: contract(250, 4),
      activated_on: "2026-01-01",
      terms_label: "tier 1",
      snapshots: [snap("pg_base_workstations", "2026-09-01", 10)],
      term_changes: [{ from: "2026-09-16", start: "immediate", offer: contract(1000, 3.5), label: "tier 3" }],
    })
    expect(s.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
      ["usage", "5", "20.00"],
      ["commitment_shortfall", "1", "105.00"], // 250 × 15/30 − 20
      ["usage", "5", "17.50"],
      ["commitment_shortfall", "1", "482.50"], // 1000 × 15/30 − 17.50
    ])
    expect(s.total).toEqual("625.00")
    expect(s.lines[0].description).toEqual("pg_base_workstations — peak count, 15 of 30 days (2026-09-01 to 2026-09-15, tier 1)")
    expect(s.lines[3].description).toEqual("Minimum commitment 1000 USD for 15 of 30 days (500): usage 17.5, shortfall (2026-09-16 to 2026-09-30, tier 3)")
  })

  it("a licensing model switch: each part bills its edition's items whole, items without an edition by days", () => {
    const ppu: OfferTerms = {
      type: "ppu",
      unit_prices: { pg_base_storage: { usd: 0.05 }, pw_base_storage: { usd: 0.04 }, pw_base_workstations: { usd: 4 }, notarizations: { usd: 0.1 } },
      storage_basis: "peak",
      commitments: null,
      plan: null,
      offering_items: [],
    }
    const s = buildStatement({
      period: "2026-09",
      currency_code: "usd",
      offer: ppu,
      activated_on: "2026-08-01",
      editions: ["pck_per_gigabyte"],
      terms_label: "per gigabyte",
      snapshots: [
        snap("pg_base_storage", "2026-09-01", 100n * GiB, "pck_per_gigabyte"),
        snap("pw_base_storage", "2026-09-16", 80n * GiB, "pck_per_workload"),
        snap("pw_base_workstations", "2026-09-16", 3, "pck_per_workload"),
        snap("notarizations", "2026-09-01", 30),
      ],
      term_changes: [{ from: "2026-09-16", start: "immediate", offer: ppu, editions: ["pck_per_workload"], label: "per workload" }],
    })
    expect(s.lines.map((l) => [l.offering_item, l.quantity, l.amount])).toEqual([
      ["notarizations", "15", "1.50"],
      ["pg_base_storage", "100", "5.00"],
      ["notarizations", "15", "1.50"],
      ["pw_base_storage", "80", "3.20"],
      ["pw_base_workstations", "3", "12.00"],
    ])
    expect(s.total).toEqual("23.20")
  })
})
