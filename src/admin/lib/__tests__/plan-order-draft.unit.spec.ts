import { describe, expect, it } from "@jest/globals"
import { normalizePlanTerms } from "../../../modules/acronis/domain/plan-terms"
import { toStorePlanForm } from "../../../modules/acronis/domain/store-offer-view"
import { assertChoices, readPlanOrder } from "../../../workflows/acronis-checkout/plan-order"
import { missingPlanOrderField, newPlanOrderDraft, toPlanOrder, type PlanOrderDraft } from "../plan-order-draft"

const terms = normalizePlanTerms({
  deployments: ["cloud", "saas"],
  payments: ["post_paid", "pre_paid"],
  billing_intervals: ["month"],
  postponed_billing: true,
  currencies: ["usd", "sek"],
  packages: [
    { id: "team", name: "Team (10 users)", included_seats: 10, seat_prices: { usd: 3.5, sek: 38 } },
    { id: "business", name: "Business (50 users)", included_seats: 50, seat_prices: { usd: 3 } },
  ],
})
const STORAGE = { id: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700002", name: "Partner-hosted Storage (Virginia, US)" }
const form = toStorePlanForm(terms, [STORAGE])

const filled = (patch: Partial<PlanOrderDraft> = {}): PlanOrderDraft => ({
  ...newPlanOrderDraft(form),
  deployment: "cloud",
  payment: "post_paid",
  package: "business",
  data_location: STORAGE.id,
  data_location_confirmed: true,
  customer: { company_name: " Contoso Ltd ", contact_name: "Connie Toso", contact_email: "connie@contoso.com " },
  domain: " Contoso.com",
  ...patch,
})

describe("the wizard's plan order form", () => {
  it("starts with the recommended administrator, credentials to the account manager, and no choice the offer leaves open", () => {
    expect(newPlanOrderDraft(form)).toEqual({
      deployment: "",
      payment: "",
      package: "",
      postponed_billing: false,
      data_location: "",
      data_location_confirmed: false,
      currency: "",
      customer: { company_name: "", contact_name: "", contact_email: "" },
      domain: "",
      admin_username: "Admin",
      send_credentials_to: ["account_manager"],
    })
  })

  it("makes a choice the offer leaves no room for, except the data location, which is for good", () => {
    const only = (deployment: string) =>
      toStorePlanForm(
        normalizePlanTerms({ deployments: [deployment], payments: ["pre_paid"], currencies: ["usd"], packages: [{ id: "team", name: "Team", seat_prices: { usd: 3 } }] }),
        [STORAGE]
      )
    expect(newPlanOrderDraft(only("cloud"))).toEqual(
      expect.objectContaining({ deployment: "cloud", payment: "pre_paid", package: "team", data_location: "", data_location_confirmed: false })
    )
    expect(newPlanOrderDraft(only("saas"))).toEqual(expect.objectContaining({ deployment: "saas", currency: "usd" }))
  })

  it.each<[string, Partial<PlanOrderDraft>, string]>([
    ["no instance", { deployment: "" }, "choose the instance (Cloud or SaaS)"],
    ["a cloud order without a data location", { data_location: "" }, "choose the data location"],
    ["a data location not confirmed as permanent", { data_location_confirmed: false }, "confirm that the data location cannot be changed later"],
    ["a SaaS order without a currency", { deployment: "saas", data_location: "" }, "choose the currency"],
    ["no payment method", { payment: "" }, "choose the payment method"],
    ["no package", { package: "" }, "choose a package"],
    ["no company name", { customer: { company_name: " ", contact_name: "Connie", contact_email: "connie@contoso.com" } }, "enter the company name"],
    ["a contact e-mail that is not one", { customer: { company_name: "Contoso", contact_name: "Connie", contact_email: "connie" } }, "enter the contact's e-mail address"],
    ["a domain that is not one", { domain: "contoso" }, "enter the customer's domain, such as contoso.com"],
    ["no administrator", { admin_username: " " }, "enter the administrator's username"],
    ["nobody to receive the credentials", { send_credentials_to: [] }, "choose who receives the credentials"],
  ])("keeps Next closed for %s", (_, patch, missing) => {
    expect(missingPlanOrderField(form, filled(patch))).toEqual(missing)
  })

  it("sends a cloud order the server accepts as it is: the chosen storage, no currency, trimmed", () => {
    expect(missingPlanOrderField(form, filled({ currency: "sek" }))).toBeNull()
    const order = toPlanOrder(filled({ currency: "sek" }))
    expect(order).toEqual({
      deployment: "cloud",
      payment: "post_paid",
      package: "business",
      postponed_billing: false,
      data_location: STORAGE.id,
      data_location_confirmed: true,
      currency: null,
      customer: { company_name: "Contoso Ltd", contact_name: "Connie Toso", contact_email: "connie@contoso.com" },
      domain: "contoso.com",
      admin_username: "Admin",
      send_credentials_to: ["account_manager"],
    })
    expect(readPlanOrder({ plan_order: order })).toEqual(order)
    expect(() => assertChoices(order, terms, "usd")).not.toThrow()
  })

  it("sends a SaaS order the server accepts as it is: the currency, no data location even if one was picked as Cloud first", () => {
    const draft = filled({ deployment: "saas", currency: "sek", package: "team", postponed_billing: true, send_credentials_to: ["account_manager", "customer"] })
    expect(missingPlanOrderField(form, draft)).toBeNull()
    const order = toPlanOrder(draft)
    expect(order).toEqual(
      expect.objectContaining({ deployment: "saas", currency: "sek", data_location: null, data_location_confirmed: false, postponed_billing: true })
    )
    expect(readPlanOrder({ plan_order: order })).toEqual(order)
    expect(() => assertChoices(order, terms, "sek")).not.toThrow()
  })
})
