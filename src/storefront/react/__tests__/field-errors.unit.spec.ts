import { createElement } from "react"
import { renderToStaticMarkup } from "react-dom/server"
import { assertSettings } from "../../../workflows/acronis-checkout/rules"
import { assertChoices, readPlanOrder } from "../../../workflows/acronis-checkout/plan-order"
import { normalizePlanTerms } from "../../../modules/acronis/domain/plan-terms"
import { AcronisBasketSettingsForm } from "../acronis-basket-settings-form"
import { PLAN_ORDER_FIELDS } from "../acronis-plan-order-form"
import { fieldErrorMessage, refusedField } from "../errors"

const SETTING_KEYS = ["protection_licensing_model", "file_sync_share_licensing_model"] as const

/** What the server's rule throws, as the storefront receives it (the sdk's error carries the same message). */
const refusal = (rule: () => unknown) => {
  try {
    rule()
  } catch (error) {
    return error
  }
  throw new Error("the rule accepted what it should refuse")
}

const ppuOffer = { type: "ppu" as const, protection_models: ["per_gigabyte", "per_workload"], file_sync_share_models: ["per_user"] }
const CLOUD_ORDER = {
  deployment: "cloud",
  payment: "post_paid",
  package: "standard",
  data_location: "storage-1",
  data_location_confirmed: true,
  customer: { company_name: "Contoso Ltd", contact_name: "Connie Toso", contact_email: "connie@contoso.com" },
  domain: "contoso.com",
  admin_username: "Admin",
}
const terms = normalizePlanTerms({ deployments: ["cloud"], payments: ["post_paid"], packages: [{ id: "standard", name: "Standard", seat_prices: { usd: 3 } }] })

// The components put a server refusal at the field it names: these are the server's own rules' refusals.
describe("a refusal is shown at the field it names", () => {
  it("a pay-per-use licensing model left out or not offered", () => {
    const missing = refusal(() => assertSettings({ title: "Cyber Protect", metadata: { acronis: { protection_licensing_model: "per_gigabyte" } }, offer: ppuOffer as never }))
    expect(refusedField(missing, SETTING_KEYS)).toEqual("file_sync_share_licensing_model")
    const notOffered = refusal(() =>
      assertSettings({ title: "Cyber Protect", metadata: { acronis: { protection_licensing_model: "per_seat", file_sync_share_licensing_model: "per_user" } }, offer: ppuOffer as never })
    )
    expect(refusedField(notOffered, SETTING_KEYS)).toEqual("protection_licensing_model")
  })

  it("a plan's order form: the field of the path in front, the longest first, without the path in the text", () => {
    const unconfirmed = refusal(() => assertChoices(readPlanOrder({ plan_order: { ...CLOUD_ORDER, data_location_confirmed: false } })!, terms, "usd"))
    expect(refusedField(unconfirmed, PLAN_ORDER_FIELDS)).toEqual("data_location_confirmed")
    const domain = refusal(() => readPlanOrder({ plan_order: { ...CLOUD_ORDER, domain: "contoso" } }))
    expect(refusedField(domain, PLAN_ORDER_FIELDS)).toEqual("domain")
    expect(fieldErrorMessage(domain)).toEqual("Must be a domain name such as contoso.com")
    const email = refusal(() => readPlanOrder({ plan_order: { ...CLOUD_ORDER, customer: { ...CLOUD_ORDER.customer, contact_email: "connie" } } }))
    expect(refusedField(email, PLAN_ORDER_FIELDS)).toEqual("customer.contact_email")
  })

  it("a refusal of the order as a whole names no field, even when its text lists them", () => {
    const noForm = new Error('plan_order: "Cloud Backup" is ordered with its order form: set metadata.plan_order on the line item (deployment, payment, package, customer, domain, admin_username; see the product\'s acronis-offer).')
    expect(refusedField(noForm, PLAN_ORDER_FIELDS)).toBeNull()
    expect(refusedField(new Error("A customer has at most one pay-per-use Acronis subscription"), SETTING_KEYS)).toBeNull()
  })
})

describe("AcronisBasketSettingsForm", () => {
  const settings = [
    { key: "protection_licensing_model" as const, label: "Protection Licensing Model", required: true as const, options: [{ value: "per_gigabyte", label: "Per gigabyte", description: "By the gigabyte.", edition: "pck_per_gigabyte" }] },
    { key: "file_sync_share_licensing_model" as const, label: "File Sync & Share Licensing Model", required: true as const, options: [{ value: "per_user", label: "Per user", description: "By the user.", edition: "fss_per_user" }] },
  ]

  it("ties the error to its drop-down: aria-invalid, and aria-describedby naming the error's element", () => {
    const html = renderToStaticMarkup(
      createElement(AcronisBasketSettingsForm, {
        settings,
        value: { protection_licensing_model: "per_gigabyte" },
        onChange: () => {},
        errors: { file_sync_share_licensing_model: "Choose a File Sync & Share Licensing Model." },
      })
    )
    const document = new DOMParserLite(html)
    const invalid = document.selects().filter((select) => select.attrs["aria-invalid"] === "true")
    expect(invalid.map((select) => select.attrs.name)).toEqual(["file_sync_share_licensing_model"])
    const describedBy = invalid[0].attrs["aria-describedby"].split(" ")
    expect(describedBy.map((id) => document.textOf(id)).join(" ")).toContain("Choose a File Sync & Share Licensing Model.")
    // Each option's description is on the page, for both models.
    expect(html).toContain("By the gigabyte.")
    expect(html).toContain("By the user.")
    // Every drop-down has a label pointing at it.
    for (const select of document.selects()) expect(html).toContain(`for="${select.attrs.id}"`)
  })
})

/** Just enough of an HTML reader for static markup: the selects' attributes, and an element's text by id. */
class DOMParserLite {
  constructor(private readonly html: string) {}
  selects() {
    return [...this.html.matchAll(/<select([^>]*)>/g)].map((match) => ({
      attrs: Object.fromEntries([...match[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((attr) => [attr[1], attr[2].replace(/&amp;/g, "&")])),
    }))
  }
  textOf(id: string) {
    const start = this.html.indexOf(`id="${id}"`)
    if (start < 0) return ""
    const open = this.html.indexOf(">", start)
    const close = this.html.indexOf("</span>", open)
    return this.html.slice(open + 1, close).replace(/<[^>]+>/g, "").replace(/&amp;/g, "&")
  }
}
