import { describe, expect, it } from "@jest/globals"
import { DEFAULT_EDITION_MAPPING } from "../../../modules/acronis/domain/licensing"
import { acronisOfferSchema } from "../../../modules/acronis/domain/offer-schema"
import {
  decimalText,
  firstUnitPriceProblem,
  offerBody,
  priceableItems,
  priceCurrencies,
  toUnitPrices,
  toUnitPricesDraft,
  unitPriceProblem,
  type PricingCatalogue,
  type StoredOffer,
} from "../offer-unit-prices"
import { unitPriceBasis } from "../../../lib/display/offering-item-labels"

// As `GET /admin/products/:id/acronis-offer` answered them on a dev host.
const stored = {
  id: "acoffer_01",
  protection_models: [],
  file_sync_share_models: [],
  contract_tier: null,
  commitments: null,
  plan: null,
  offering_items: [],
  storage_basis: "peak",
  pricing_mode: "production",
  parent_tenant_id: null,
  datacenter_url: null,
  metadata: null,
  created_at: "2026-12-07T10:53:51.271Z",
  updated_at: "2026-12-07T10:53:51.271Z",
  deleted_at: null,
}
const ppu: StoredOffer = {
  ...stored,
  type: "ppu",
  protection_models: ["per_gigabyte", "per_workload"],
  file_sync_share_models: ["per_user"],
  services: ["protection", "file_sync_share", "physical_data_shipping", "notary"],
  storage_basis: "last_day",
  unit_prices: { pg_base_storage: { usd: 0.0125, eur: 0.011 }, pw_base_workstations: { usd: 4 } },
}
const contract: StoredOffer = {
  ...stored,
  type: "contract",
  services: ["protection", "file_sync_share", "physical_data_shipping", "notary"],
  contract_tier: 3,
  commitments: { usd: 1500 },
  unit_prices: { pg_base_workstations: { usd: 3.5 } },
}
const plan: StoredOffer = {
  ...stored,
  type: "plan",
  services: ["protection"],
  plan: {
    payment: "post_paid",
    packages: [{ id: "team", name: "Team", quotas: { pw_base_workstations: { value: 10, overage: null } }, seat_prices: { usd: 3.5 }, included_seats: null }],
    payments: ["post_paid"],
    currencies: ["usd"],
    deployment: "cloud",
    order_form: true,
    deployments: ["cloud"],
    seat_prices: { usd: 3.5 },
    data_centers: [],
    included_seats: null,
    billing_intervals: ["month"],
    postponed_billing: false,
  },
  offering_items: [{ name: "pw_base_workstations", quota: { value: 100, overage: 10 }, edition: "pck_per_workload" }],
  unit_prices: { pw_base_workstations: { usd: 5 } },
}

const APPS = [
  { id: "backup", type: "backup" },
  { id: "files", type: "files_cloud" },
  { id: "shipping", type: "physical_data_shipping" },
  { id: "notary", type: "notary" },
]
const item = (name: string, edition: string | null, application_id: string, measurement_unit: string) => ({ name, edition, application_id, measurement_unit })
const catalogue: PricingCatalogue = {
  applications: APPS,
  offering_items: [
    item("pw_base_workstations", "pck_per_workload", "backup", "quantity"),
    item("pw_base_m365_mailboxes", "pck_per_workload", "backup", "n/a"),
    item("pw_base_storage", "pck_per_workload", "backup", "bytes"),
    item("pw_base_storage", "pck_per_workload", "backup", "bytes"), // a second storage (infra)
    item("pw_base_adv_dr_compute_points", "pck_per_workload", "backup", "seconds"),
    item("pg_base_storage", "pck_per_gigabyte", "backup", "bytes"),
    item("pg_base_workstations", "pck_per_gigabyte", "backup", "quantity"),
    item("pu_base_fc_seats", "fss_per_user", "files", "quantity"),
    item("pg_base_fc_storage", "fss_per_gigabyte", "files", "bytes"),
    item("drives_shipped_to_cloud", null, "shipping", "quantity"),
    item("notarizations", null, "notary", "quantity"),
  ],
}
const names = (offer: StoredOffer) => priceableItems(offer, catalogue, DEFAULT_EDITION_MAPPING).map((i) => i.name)

describe("the offer's usage prices in the admin", () => {
  it("saves back every other field of the offer as it was, for each type, and the server takes it unchanged", () => {
    for (const offer of [ppu, contract, plan]) {
      const prices = { pg_base_storage: { usd: 0.0125 } }
      const body = offerBody(offer, { unit_prices: prices })
      expect(body).not.toHaveProperty("id")
      expect(body).not.toHaveProperty("created_at")
      const parsed = acronisOfferSchema.parse(body)
      const { id, created_at, updated_at, deleted_at, ...fields } = offer
      expect(parsed).toEqual(expect.objectContaining({ ...offerBody(fields as StoredOffer), unit_prices: prices }))
    }
    expect(Object.keys(offerBody(ppu))).not.toContain("contract_tier")
    expect(offerBody(contract)).toEqual(expect.objectContaining({ contract_tier: 3, commitments: { usd: 1500 } }))
  })

  it("shows prices as the merchant typed them, never in exponent form", () => {
    expect(toUnitPricesDraft(ppu.unit_prices)).toEqual({ pg_base_storage: { usd: "0.0125", eur: "0.011" }, pw_base_workstations: { usd: "4" } })
    expect(decimalText(0.0000001)).toEqual("0.0000001")
    expect(decimalText(1.5e-7)).toEqual("0.00000015")
    expect(decimalText(1e21)).toEqual("1000000000000000000000")
    expect(toUnitPricesDraft(null)).toEqual({})
  })

  it("sends numbers that are exactly the decimals typed, leaving out what is empty", () => {
    const prices = toUnitPrices({
      pg_base_storage: { usd: " 0.0125 ", eur: "" },
      pw_base_workstations: { usd: "", eur: "" },
      pw_base_servers: { usd: "12.345678901234", eur: ".5" },
    })
    expect(prices).toEqual({ pg_base_storage: { usd: 0.0125 }, pw_base_servers: { usd: 12.345678901234, eur: 0.5 } })
    // What the billing reads back (`fromDecimal(String(price))`) is the decimal typed.
    expect(String(prices.pw_base_servers.usd)).toEqual("12.345678901234")
    expect(toUnitPricesDraft(prices).pg_base_storage.usd).toEqual("0.0125")
  })

  it.each([
    ["-1", "enter zero or more, with a point for decimals, such as 0.05"],
    ["0,05", "enter zero or more, with a point for decimals, such as 0.05"],
    ["abc", "enter zero or more, with a point for decimals, such as 0.05"],
    ["1e3", "enter zero or more, with a point for decimals, such as 0.05"],
    ["0.1234567890123456", "at most 15 significant digits"],
  ])("refuses %p before it is sent", (text, problem) => {
    expect(unitPriceProblem(text)).toEqual(problem)
    expect(firstUnitPriceProblem({ pg_base_storage: { usd: "1", eur: text } }, () => "Backup storage")).toEqual(`Backup storage, EUR: ${problem}`)
  })

  it("takes zero, whole numbers, long decimals and an empty input", () => {
    for (const text of ["", " ", "0", "4", "0.0125", "000.50", "123456789012345", "0.000000000000001"]) expect(unitPriceProblem(text)).toBeNull()
    expect(firstUnitPriceProblem({ pg_base_storage: { usd: "0.05", eur: "" } })).toBeNull()
  })

  it("offers the store's currencies, its default first, then any other the offer is priced in", () => {
    expect(priceCurrencies(ppu.unit_prices, ["EUR", "usd"])).toEqual(["eur", "usd"])
    expect(priceCurrencies({ a: { sek: 1, chf: 2 } }, ["usd"])).toEqual(["usd", "chf", "sek"])
    expect(priceCurrencies(null, [])).toEqual([])
  })

  it("lists the items each offer can bill: its editions' and its services' edition-less ones, once each, no features", () => {
    expect(names({ ...ppu, protection_models: ["per_workload"], unit_prices: {} })).toEqual([
      "pw_base_workstations",
      "pw_base_storage",
      "pw_base_adv_dr_compute_points",
      "pu_base_fc_seats",
      "drives_shipped_to_cloud",
      "notarizations",
    ])
    // A reseller's partner tenant gets every mapped edition (not fss_per_gigabyte, which nothing maps to).
    expect(names(contract)).toEqual([
      "pw_base_workstations",
      "pw_base_storage",
      "pw_base_adv_dr_compute_points",
      "pg_base_storage",
      "pg_base_workstations",
      "pu_base_fc_seats",
      "drives_shipped_to_cloud",
      "notarizations",
    ])
    // A plan prices only the overage of its own items.
    expect(names(plan)).toEqual(["pw_base_workstations"])
  })

  it("keeps listing an item already priced that the offer's models no longer use, so its price is seen", () => {
    const rows = priceableItems({ ...ppu, protection_models: ["per_workload"], unit_prices: { pg_base_storage: { usd: 1 }, gone: { usd: 1 } } }, catalogue, DEFAULT_EDITION_MAPPING)
    expect(rows.slice(-2)).toEqual([
      { name: "pg_base_storage", edition: "pck_per_gigabyte", measurement_unit: "bytes" },
      { name: "gone", edition: null, measurement_unit: null },
    ])
    // Acronis unreachable: the prices already set are still listed.
    expect(priceableItems(ppu, null, null).map((i) => i.name)).toEqual(["pg_base_storage", "pw_base_workstations"])
  })

  it("says what each price is per, as the statement bills it", () => {
    expect(unitPriceBasis("pg_base_storage", "bytes")).toEqual("per GB a month")
    expect(unitPriceBasis("pw_base_workstations", "quantity")).toEqual("per workload a month")
    expect(unitPriceBasis("pu_base_fc_seats", "quantity")).toEqual("per seat a month")
    expect(unitPriceBasis("notarizations", "quantity")).toEqual("per notarization a month")
    expect(unitPriceBasis("pw_base_adv_dr_compute_points", "seconds")).toEqual("per hour of compute")
    expect(unitPriceBasis("gone", null)).toBeNull()
  })
})
