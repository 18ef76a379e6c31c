import { freeMonthEndsAt, freeMonthOf, leavesTrialAt } from "../domain/free-month"
import { acronisOfferSchema } from "../domain/offer-schema"
import { currencyFitsPlanOrder, normalizePlanTerms, offerAsBought } from "../domain/plan-terms"

const plan = (extra: Record<string, unknown>) => ({
  type: "plan",
  plan: { deployment: "cloud", payment: "pre_paid", billing_intervals: ["month"], data_centers: ["eu2"], seat_prices: { usd: 3.5 }, ...extra },
  offering_items: [
    { name: "pw_base_storage", quota: { value: 322122547200, overage: null } },
    { name: "pw_base_workstations", quota: { value: 10, overage: 5 } },
  ],
})

describe("offer schema", () => {
  it("refuses a pre-paid plan without included seats, on plan.included_seats", () => {
    const result = acronisOfferSchema.safeParse(plan({}))
    expect(result.success).toEqual(false)
    expect(result.error!.issues).toEqual([
      expect.objectContaining({
        path: ["plan", "included_seats"],
        message: expect.stringMatching(/^plan\.included_seats: a pre-paid plan's fee is its included user accounts × the seat price/),
      }),
    ])
  })

  it("takes a pre-paid plan with its seats, and a post-paid plan without", () => {
    expect(acronisOfferSchema.parse(plan({ included_seats: 10 }))).toEqual(expect.objectContaining({ plan: expect.objectContaining({ included_seats: 10 }) }))
    expect(acronisOfferSchema.safeParse(plan({ payment: "post_paid" })).success).toEqual(true)
  })
})

describe("plan order form", () => {
  const form = (extra: Record<string, unknown>) => ({
    type: "plan",
    plan: {
      deployments: ["cloud", "saas"],
      payments: ["post_paid", "pre_paid"],
      billing_intervals: ["month"],
      postponed_billing: true,
      packages: [
        { id: "s10", name: "10 users", included_seats: 10, seat_prices: { usd: 3, eur: 2.8 }, quotas: { pw_base_workstations: { value: 10 } } },
        { id: "s50", name: "50 users", included_seats: 50, seat_prices: { usd: 2.5 } },
      ],
      ...extra,
    },
    offering_items: [{ name: "pw_base_workstations", quota: { value: 5, overage: null } }],
  })

  it("reads an offer saved before the form as a form with one choice each", () => {
    const { plan: terms } = acronisOfferSchema.parse(plan({ payment: "post_paid", included_seats: 5, postponed_billing: true })) as any
    expect(terms).toEqual(
      expect.objectContaining({
        order_form: false,
        deployments: ["cloud"],
        payments: ["post_paid"],
        currencies: ["usd"],
        postponed_billing: true,
        packages: [{ id: "standard", name: "Standard", included_seats: 5, seat_prices: { usd: 3.5 }, quotas: {} }],
        // What billing reads of an order that chose nothing.
        payment: "post_paid",
        seat_prices: { usd: 3.5 },
        included_seats: 5,
      })
    )
  })

  it("takes the choices, currencies defaulting to those the packages are priced in", () => {
    const { plan: terms } = acronisOfferSchema.parse(form({})) as any
    expect(terms.order_form).toEqual(true)
    expect(terms.currencies).toEqual(["eur", "usd"])
    expect(terms.packages[0].quotas).toEqual({ pw_base_workstations: { value: 10, overage: null } })
    expect(terms.payment).toEqual("post_paid")
  })

  it("refuses a pre-paid package without included seats, naming the package", () => {
    const result = acronisOfferSchema.safeParse(form({ packages: [{ id: "s10", name: "10 users", seat_prices: { usd: 3 } }] }))
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^plan\.packages\.0\.included_seats: /)])
  })

  it("reads the offer as the subscription bought it: its payment method, package prices and seats, and free month", () => {
    const offer = acronisOfferSchema.parse(form({}))
    const bought = offerAsBought(offer, {
      metadata: { plan_order: { deployment: "saas", payment: "pre_paid", package: "s50", postponed_billing: false } },
    }) as any
    expect(bought.plan).toEqual(
      expect.objectContaining({ payment: "pre_paid", seat_prices: { usd: 2.5 }, included_seats: 50, postponed_billing: false, payments: ["pre_paid"] })
    )
    // Without the form (an order from before it), the offer as it is.
    expect(offerAsBought(offer, { metadata: null })).toBe(offer)
  })

  it("takes an offer back as it was read (the stored form), with or without choices, unchanged", () => {
    for (const input of [form({}), plan({ payment: "post_paid", included_seats: 5 })]) {
      const stored = acronisOfferSchema.parse(input)
      expect(acronisOfferSchema.parse(JSON.parse(JSON.stringify(stored)))).toEqual(stored)
    }
  })

  it("refuses a package quota on an item the offer does not enable, naming it", () => {
    const result = acronisOfferSchema.safeParse({ ...form({}), offering_items: [] })
    expect(result.error!.issues.map((issue) => issue.message)).toEqual([
      expect.stringMatching(/^plan\.packages\.0\.quotas\.pw_base_workstations: not one of the offer's offering_items/),
    ])
  })

  it("fits an order in a currency: a SaaS order in the one it chose, a cloud order in one its package is priced in", () => {
    const terms = normalizePlanTerms((acronisOfferSchema.parse(form({})) as { plan: unknown }).plan)
    const saas = { deployment: "saas" as const, currency: "eur", package: "s50" }
    expect(currencyFitsPlanOrder(terms, saas, "EUR")).toEqual(true)
    expect(currencyFitsPlanOrder(terms, saas, "usd")).toEqual(false)
    const cloud = { deployment: "cloud" as const, currency: null, package: "s50" }
    expect(currencyFitsPlanOrder(terms, cloud, "usd")).toEqual(true)
    expect(currencyFitsPlanOrder(terms, cloud, "eur")).toEqual(false)
    expect(currencyFitsPlanOrder(terms, { ...cloud, package: "s10" }, "eur")).toEqual(true)
  })

  it("refuses the fixed terms and the choices together, and a form without payment methods", () => {
    const both = acronisOfferSchema.safeParse(form({ payment: "pre_paid" }))
    expect(both.error!.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^plan\.payment: give either payments/)])
    const none = acronisOfferSchema.safeParse(form({ payments: undefined }))
    expect(none.error!.issues.map((issue) => issue.message)).toEqual([expect.stringMatching(/^plan\.payments: /)])
  })
})

describe("free month", () => {
  it.each([
    ["2026-09-05", "2026-10-04"],
    ["2026-09-01", "2026-09-30"],
    ["2026-01-31", "2026-02-27"], // the anniversary is 28 Feb
    ["2028-01-31", "2028-02-28"], // leap year: 29 Feb
    ["2026-12-15", "2027-01-14"],
  ])("activated %s: free up to %s, the day before its monthly anniversary", (activated, lastFree) => {
    expect(freeMonthOf(activated)).toEqual({ from: activated, to: lastFree })
  })

  it.each([
    ["2026-09-05T10:00:00Z", "2026-11-01T00:00:00.000Z"], // anniversary 5 Oct: the next 1st
    ["2026-09-01T00:00:00Z", "2026-10-01T00:00:00.000Z"], // anniversary on a 1st: that day
    ["2026-08-31T23:59:59Z", "2026-10-01T00:00:00.000Z"], // anniversary 30 Sep
    ["2026-01-31T12:00:00Z", "2026-03-01T00:00:00.000Z"], // anniversary 28 Feb
    ["2026-12-15T08:00:00Z", "2027-02-01T00:00:00.000Z"],
  ])("activated %s: leaves Acronis's trial at %s, on the first 1st on or after the anniversary", (activated, production) => {
    expect(freeMonthEndsAt(new Date(activated)).toISOString()).toEqual(production)
  })

  it("moves only postponed billing out of the trial by itself, never a trial offer", () => {
    const activated = new Date("2026-09-05T10:00:00Z")
    const postponed = { type: "plan", plan: { payment: "post_paid", postponed_billing: true } }
    const trialOffer = { type: "plan", plan: { payment: "post_paid", postponed_billing: false } }
    expect(leavesTrialAt(postponed, activated)?.toISOString()).toEqual("2026-11-01T00:00:00.000Z")
    expect(leavesTrialAt(trialOffer, activated)).toBeNull()
    expect(leavesTrialAt({ type: "ppu", plan: null }, activated)).toBeNull()
    expect(leavesTrialAt(undefined, activated)).toBeNull()
  })
})
