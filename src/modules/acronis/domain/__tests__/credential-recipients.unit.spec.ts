import {
  credentialRecipients,
  orderPlacer,
  planTenantIdentity,
  saasOrderPlaced,
  splitContactName,
  uniqueAddresses,
} from "../credential-recipients"
import { normalizePlanTerms, type PlanOrder } from "../plan-terms"

const customer = { company_name: "Contoso Ltd", contact_name: "Connie Toso", contact_email: "connie@contoso.com" }
const form = (send_credentials_to: PlanOrder["send_credentials_to"], extra: Partial<PlanOrder> = {}): PlanOrder => ({
  deployment: "saas",
  payment: "pre_paid",
  package: "team",
  postponed_billing: false,
  data_location: null,
  data_location_confirmed: false,
  currency: "sek",
  customer,
  domain: "contoso.com",
  admin_username: "Admin",
  send_credentials_to,
  ...extra,
})
const staffOrder = { account_manager_email: "anna@msp.example", order_email: "it@contoso.com" }
const storefrontOrder = { order_email: "buyer@partner.example" }

describe("credentialRecipients", () => {
  it("maps the account manager of a staff order to the staff user who created it, not the order's e-mail", () => {
    expect(credentialRecipients(form(["account_manager"]), staffOrder)).toEqual(["anna@msp.example"])
    expect(credentialRecipients(form(["account_manager", "customer"]), staffOrder)).toEqual(["anna@msp.example", "connie@contoso.com"])
  })

  it("maps the account manager of a storefront order to the order's e-mail: the buyer placing it", () => {
    expect(credentialRecipients(form(["account_manager"]), storefrontOrder)).toEqual(["buyer@partner.example"])
    expect(credentialRecipients(form(["account_manager"]), { ...storefrontOrder, account_manager_email: null })).toEqual(["buyer@partner.example"])
  })

  it("reads the account manager a staff order stores, and the order's e-mail", () => {
    const staff = orderPlacer({ email: "it@contoso.com", metadata: { acronis_account_manager: { id: "user_01", email: "anna@msp.example" } } })
    expect(credentialRecipients(form(["account_manager"]), staff)).toEqual(["anna@msp.example"])
    expect(credentialRecipients(form(["account_manager"]), orderPlacer({ email: "buyer@partner.example", metadata: null }))).toEqual(["buyer@partner.example"])
  })

  it("maps the customer to the form's contact person alone", () => {
    expect(credentialRecipients(form(["customer"]), staffOrder)).toEqual(["connie@contoso.com"])
    expect(credentialRecipients(form(["customer"]), storefrontOrder)).toEqual(["connie@contoso.com"])
  })

  it("sends once to an account manager who is also the contact, whatever the case", () => {
    const order = { order_email: "Connie@Contoso.com" }
    expect(credentialRecipients(form(["account_manager", "customer"]), order)).toEqual(["Connie@Contoso.com"])
  })

  it("sends to the account manager when the form names nobody", () => {
    expect(credentialRecipients(form([]), staffOrder)).toEqual(["anna@msp.example"])
  })
})

describe("uniqueAddresses", () => {
  it("keeps the first spelling of each address, drops blanks", () => {
    expect(uniqueAddresses(["a@x.test", "B@x.test", " A@X.TEST ", null, "", "b@X.test", undefined])).toEqual(["a@x.test", "B@x.test"])
  })
})

describe("the tenant of a plan order with a form", () => {
  it("is named after the customer's company, its contact the form's contact person, name split in two", () => {
    expect(planTenantIdentity(form(["customer"]))).toEqual({
      name: "Contoso Ltd",
      contact: { email: "connie@contoso.com", firstname: "Connie", lastname: "Toso" },
    })
  })

  it("splits a name at its first word; one word has no last name", () => {
    expect(splitContactName("  Mary Ann  van der Berg ")).toEqual({ firstname: "Mary", lastname: "Ann van der Berg" })
    expect(splitContactName("Cher")).toEqual({ firstname: "Cher", lastname: null })
  })
})

describe("saasOrderPlaced", () => {
  const terms = normalizePlanTerms({
    deployments: ["cloud", "saas"],
    payments: ["post_paid", "pre_paid"],
    currencies: ["usd", "sek"],
    packages: [{ id: "team", name: "Team (10 users)", seat_prices: { sek: 38 } }],
  })
  const order = { id: "order_01", display_id: 1042, ...staffOrder }

  it("gives the Order ID to everyone the SaaS lines' forms name, once each, and describes each SaaS line", () => {
    const payload = saasOrderPlaced(order, [
      { title: "Cloud Backup plan", plan_order: form(["account_manager"]), terms },
      { title: "Cloud Backup plan", plan_order: form(["customer", "account_manager"], { payment: "post_paid" }), terms },
    ])
    expect(payload).toEqual({
      id: "order_01",
      order_display_id: 1042,
      email: "anna@msp.example",
      recipients: ["anna@msp.example", "connie@contoso.com"],
      company_name: "Contoso Ltd",
      services: ["Cloud Backup plan — Team (10 users), SEK, Pre-paid", "Cloud Backup plan — Team (10 users), SEK, Post-paid"],
    })
  })

  it("sends nothing for an order without a SaaS line: a cloud order's credentials come with the service", () => {
    const cloud = form(["account_manager", "customer"], { deployment: "cloud", currency: null, data_location: "infra-1", data_location_confirmed: true })
    expect(saasOrderPlaced(order, [{ title: "Cloud Backup plan", plan_order: cloud, terms }])).toBeNull()
    expect(saasOrderPlaced(order, [])).toBeNull()
  })
})
