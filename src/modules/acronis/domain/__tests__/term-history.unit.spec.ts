import {
  dueChanges,
  historyOf,
  latestTerms,
  nextChangeOn,
  nextFeePeriodStart,
  planTermChange,
  termsOn,
  type OfferForTerms,
  type TermChangeInput,
  type TermsHistory,
} from "../term-history"
import { DEFAULT_EDITION_MAPPING } from "../licensing"

const planOffer: OfferForTerms = { id: "acoffer_plan", type: "plan", plan: { billing_intervals: ["month", "year"], included_seats: 10 }, offering_items: [] }
const subscription = (over: Partial<TermChangeInput["subscription"]> = {}): TermChangeInput["subscription"] => ({
  id: "acsub_1",
  type: "plan",
  status: "active",
  offer_id: planOffer.id,
  activated_at: "2026-09-11T08:00:00Z",
  billing_cycle: "month",
  ...over,
})
let ids = 0
const ask = (history: TermsHistory, request: TermChangeInput["request"], now: string, over: Partial<TermChangeInput> = {}) =>
  planTermChange({
    subscription: subscription(),
    history,
    offer: planOffer,
    currency_code: "usd",
    request,
    requested_by: "admin",
    edition_mapping: DEFAULT_EDITION_MAPPING,
    now: new Date(now),
    id: `actchg_${++ids}`,
    ...over,
  })
const fresh = () => historyOf(subscription(), planOffer, DEFAULT_EDITION_MAPPING)

describe("when a change takes effect", () => {
  it("the next fee period whose fee is not billed yet: the next 1st, or the first anniversary after this month", () => {
    expect(nextFeePeriodStart("month", "2026-09-11", "2026-09-30")).toEqual("2026-10-01")
    expect(nextFeePeriodStart("year", "2026-09-11", "2026-09-20")).toEqual("2027-09-11")
    expect(nextFeePeriodStart("year", "2026-09-11", "2027-08-31")).toEqual("2027-09-11")
    // In the anniversary's own month its fee was billed on August's statement: the one after.
    expect(nextFeePeriodStart("year", "2026-09-11", "2027-09-05")).toEqual("2028-09-11")
    expect(nextFeePeriodStart("year", "2024-02-29", "2026-01-10")).toEqual("2026-02-28")
  })

  it("more seats at once, fewer from the next period; the latest request replaces a waiting one", () => {
    const up = ask(fresh(), { type: "seats", seats: 15 }, "2026-09-16T09:00:00Z")
    expect(up.change).toEqual(expect.objectContaining({ timing: "immediate", effective_on: "2026-09-16", set: { seats: 15 }, previous: { seats: 10 } }))
    const down = ask(up.history, { type: "seats", seats: 12 }, "2026-09-20T09:00:00Z")
    expect(down.change).toEqual(expect.objectContaining({ timing: "scheduled", effective_on: "2026-10-01", previous: { seats: 15 } }))
    expect([termsOn(down.history, "2026-09-30").seats, termsOn(down.history, "2026-10-01").seats]).toEqual([15, 12])
    expect(nextChangeOn(down.history)).toEqual("2026-10-01")
    // Asking again for 12 is a double click; asking for 8 replaces the waiting 12; asking for 15 withdraws it.
    expect(ask(down.history, { type: "seats", seats: 12 }, "2026-09-21T09:00:00Z").outcome).toEqual("unchanged")
    const eight = ask(down.history, { type: "seats", seats: 8 }, "2026-09-21T09:00:00Z")
    expect({ outcome: eight.outcome, cancelled: eight.cancelled, latest: latestTerms(eight.history).seats }).toEqual({ outcome: "changed", cancelled: [down.change!.id], latest: 8 })
    const back = ask(down.history, { type: "seats", seats: 15 }, "2026-09-21T09:00:00Z")
    expect({ outcome: back.outcome, change: back.change, cancelled: back.cancelled, latest: latestTerms(back.history).seats }).toEqual({
      outcome: "cancelled",
      change: null,
      cancelled: [down.change!.id],
      latest: 15,
    })
    // The plan's own seats asked for: nothing to do.
    expect(ask(fresh(), { type: "seats", seats: 10 }, "2026-09-21T09:00:00Z").outcome).toEqual("unchanged")
  })

  it("a yearly plan's change waiting for an anniversary already billed cannot be replaced", () => {
    const yearly = historyOf(subscription({ billing_cycle: "year" }), planOffer, DEFAULT_EDITION_MAPPING)
    const down = ask(yearly, { type: "seats", seats: 8 }, "2027-08-20T09:00:00Z")
    expect(down.change!.effective_on).toEqual("2027-09-11")
    expect(() => ask(down.history, { type: "seats", seats: 9 }, "2027-09-02T09:00:00Z")).toThrow(/takes effect on 2027-09-11 and its fee was billed in advance already/)
    expect(dueChanges(down.history, "2027-09-10")).toEqual([])
    expect(dueChanges(down.history, "2027-09-11").map((c) => c.id)).toEqual([down.change!.id])
  })

  it("a billing interval from the next period, only one the plan is sold by; yearly plan years start that day", () => {
    const year = ask(fresh(), { type: "billing_interval", interval: "year" }, "2026-09-20T09:00:00Z")
    expect(year.change).toEqual(expect.objectContaining({ timing: "scheduled", effective_on: "2026-10-01", set: { billing_cycle: "year", fee_anchor: "2026-10-01" } }))
    const monthOnly = { ...planOffer, plan: { billing_intervals: ["month"], included_seats: 10 } }
    expect(() => ask(fresh(), { type: "billing_interval", interval: "year" }, "2026-09-20T09:00:00Z", { offer: monthOnly })).toThrow(
      "interval: this plan is sold by the month only, not by the year."
    )
  })

  it("contracts: up a tier at once, down from the next 1st; the tier's minimum in the subscription's currency", () => {
    const tier = (id: string, contract_tier: number, usd?: number): OfferForTerms => ({ id, type: "contract", contract_tier, commitments: usd === undefined ? { eur: 1 } : { usd } })
    const current = tier("acoffer_t1", 1, 250)
    const contract = subscription({ type: "contract", offer_id: current.id, billing_cycle: "calendar_month", commitment: { tier: 1, minimum: { currency_code: "usd", amount: 250 } } })
    const history = historyOf(contract, current, DEFAULT_EDITION_MAPPING)
    const on = (target: OfferForTerms | null, now = "2026-09-16T09:00:00Z") =>
      ask(history, { type: "contract_tier", offer_id: target?.id ?? "acoffer_x" }, now, { subscription: contract, offer: current, target_offer: target })
    expect(on(tier("acoffer_t3", 3, 1000)).change).toEqual(
      expect.objectContaining({ timing: "immediate", effective_on: "2026-09-16", set: { offer_id: "acoffer_t3", contract_tier: 3, commitment_minimum: { currency_code: "usd", amount: 1000 } } })
    )
    expect(on(tier("acoffer_t0", 0, 100)).change).toEqual(expect.objectContaining({ timing: "scheduled", effective_on: "2026-10-01" }))
    expect(() => on(tier("acoffer_t1b", 1, 300))).toThrow(/is tier 1, the tier the contract is on/)
    expect(() => on(tier("acoffer_eur", 4))).toThrow("offer_id: acoffer_eur has no minimum commitment in USD, the subscription's currency.")
    expect(() => on(null)).toThrow("offer_id: there is no Acronis offer acoffer_x.")
    expect(on(current).outcome).toEqual("unchanged")
  })

  it("pay per use: only the models the offer sells, at once; and only while active", () => {
    const ppu: OfferForTerms = { id: "acoffer_ppu", type: "ppu", protection_models: ["per_gigabyte", "per_workload"], file_sync_share_models: ["per_user"] }
    const sub = subscription({ type: "ppu", offer_id: ppu.id, billing_cycle: "calendar_month", protection_licensing_model: "per_gigabyte", file_sync_share_licensing_model: "per_user" })
    const history = historyOf(sub, ppu, DEFAULT_EDITION_MAPPING)
    expect(history.initial.editions).toEqual(["pck_per_gigabyte", "fss_per_user"])
    const request = { type: "licensing_model" as const, protection_licensing_model: "per_workload" as const }
    expect(ask(history, request, "2026-09-16T09:00:00Z", { subscription: sub, offer: ppu }).change).toEqual(
      expect.objectContaining({ timing: "immediate", set: { protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_user", editions: ["pck_per_workload", "fss_per_user"] } })
    )
    expect(() => ask(history, request, "2026-09-16T09:00:00Z", { subscription: { ...sub, status: "suspended" }, offer: ppu })).toThrow(
      "Acronis subscription acsub_1 is suspended: only an active subscription's terms can change."
    )
    expect(() => ask(history, { type: "seats", seats: 3 }, "2026-09-16T09:00:00Z", { subscription: sub, offer: ppu })).toThrow(/only seat plans have seats/)
  })
})
