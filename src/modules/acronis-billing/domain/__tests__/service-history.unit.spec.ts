import { buildStatement, type OfferTerms } from "../statement"

// A monthly pre-paid plan: 10 seats × 3.00 = 30.00 a month.
const prePaid: OfferTerms = {
  type: "plan",
  unit_prices: {},
  storage_basis: "peak",
  commitments: null,
  plan: { payment: "pre_paid", seat_prices: { usd: 3 }, included_seats: 10 },
  offering_items: [{ name: "pw_base_workstations", quota: { value: 10, overage: 5 } }],
}
const bill = (period: string, spans: { from: string; to: string }[], flags: { service_ended?: boolean; ran_before?: boolean }) =>
  buildStatement({ period, currency_code: "usd", offer: prePaid, activated_on: "2026-01-10", snapshots: [], spans, ...flags })
const rows = (s: ReturnType<typeof buildStatement>) => s.lines.map((l) => [l.kind, l.amount])

describe("what the service did around a month, not what it does today", () => {
  it("charges a month resumed exactly on its 1st, which nothing paid for in advance", () => {
    const resumedOnFirst = bill("2026-07", [{ from: "2026-07-01", to: "2026-07-31" }], { ran_before: false })
    expect(rows(resumedOnFirst)).toEqual([["seat", "30.00"], ["seat", "30.00"]]) // July itself, then August in advance
    expect(resumedOnFirst.total).toEqual("60.00")
    // A month that ran on from the month before was paid in advance: only the next month is charged.
    expect(rows(bill("2026-07", [{ from: "2026-07-01", to: "2026-07-31" }], { ran_before: true }))).toEqual([["seat", "30.00"]])
  })

  it("bills a month whose service stopped the same whether it is closed before or after a later resume", () => {
    // Suspended on 10 March: the days without service come back, and April is not charged in advance.
    const march = bill("2026-03", [{ from: "2026-03-01", to: "2026-03-09" }], { service_ended: true, ran_before: true })
    expect(march.lines.map((l) => l.kind)).toEqual(["proration"])
    expect(march.total).toEqual("-21.29") // 30 × 22/31 returned
    // April, resumed on the 5th: its own fee from that day, as nothing was paid for it.
    const april = bill("2026-04", [{ from: "2026-04-05", to: "2026-04-30" }], { ran_before: false })
    expect(rows(april)).toEqual([["proration", "26.00"], ["seat", "30.00"]])
  })

  it("gives back a month paid in advance when the service stopped on its 1st, after the month before was closed", () => {
    // March was closed with April in advance; the tenant was disabled later on 1 April.
    const april = bill("2026-04", [], { ran_before: true, service_ended: true })
    expect(april.lines.map((l) => [l.kind, l.amount, l.sources.service_period])).toEqual([["proration", "-30.00", "2026-04"]])
    // Nothing comes back for a month nobody paid for, nor on pay per use.
    expect(bill("2026-04", [], { ran_before: false, service_ended: true }).lines).toEqual([])
    const ppu = buildStatement({ ...{ period: "2026-04", currency_code: "usd", activated_on: "2026-01-10", snapshots: [] }, offer: { ...prePaid, type: "ppu", plan: null }, spans: [], ran_before: true, service_ended: true })
    expect(ppu.lines).toEqual([])
  })

  it("gives back the rest of the plan year and the next year paid in advance on a yearly plan stopped on a 1st", () => {
    const january = buildStatement({
      period: "2027-01",
      currency_code: "usd",
      offer: prePaid,
      activated_on: "2026-01-10",
      billing_cycle: "year",
      snapshots: [],
      spans: [],
      ran_before: true,
      service_ended: true,
    })
    // 1 to 9 January of the first plan year (9 of its last plan month's 31 days), and the whole second year.
    expect(january.lines.map((l) => [l.kind, l.quantity, l.amount])).toEqual([
      ["proration", "-0.290323", "-8.71"],
      ["proration", "-12", "-360.00"],
    ])
  })
})
