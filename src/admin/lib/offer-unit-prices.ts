import { editionsForOffer } from "../../modules/acronis/domain/offer-catalogue"
import { mappedEditions, SERVICE_APPLICATION_TYPES, type EditionMapping } from "../../modules/acronis/domain/licensing"

/** An offer's usage prices as the API holds them: per offering item, per currency, in major units. */
export type UnitPrices = Record<string, Record<string, number>>

/** An offer as `GET /admin/products/:id/acronis-offer` answers it (only what the helpers read is typed). */
export type StoredOffer = {
  type: "ppu" | "contract" | "plan"
  unit_prices?: UnitPrices | null
  protection_models?: string[] | null
  file_sync_share_models?: string[] | null
  services?: string[] | null
  offering_items?: { name: string; edition: string | null; quota?: unknown }[] | null
  [field: string]: unknown
}

/** `GET /admin/acronis/catalogue`, as far as pricing needs it. */
export type PricingCatalogue = {
  applications: { id: string; type: string }[]
  offering_items: { name: string; edition?: string | null; application_id: string; measurement_unit?: string | null }[]
}

/** The prices while the merchant types them: item → currency → the text in the input, "" for not priced. */
export type UnitPricesDraft = Record<string, Record<string, string>>

// What `POST /admin/products/:id/acronis-offer` takes for each type (its schema is strict): the rest of a
// stored offer (id, timestamps, the other types' empty fields) is left out.
const COMMON_FIELDS = ["offering_items", "unit_prices", "storage_basis", "pricing_mode", "parent_tenant_id", "datacenter_url", "metadata"]
const FIELDS_BY_TYPE: Record<StoredOffer["type"], string[]> = {
  ppu: ["type", "protection_models", "file_sync_share_models", "services", ...COMMON_FIELDS],
  contract: ["type", "contract_tier", "commitments", "services", ...COMMON_FIELDS],
  plan: ["type", "plan", "services", ...COMMON_FIELDS],
}

/** The whole offer as the upsert takes it, with `changes` applied: saving it back changes nothing else. */
export function offerBody(offer: StoredOffer, changes: Partial<StoredOffer> = {}): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...offer, ...changes }
  const fields = FIELDS_BY_TYPE[merged.type as StoredOffer["type"]]
  return Object.fromEntries(fields.filter((field) => merged[field] !== undefined).map((field) => [field, merged[field]]))
}

/** A price as decimal text, never in exponent form (0.0000001, not 1e-7). */
export function decimalText(value: number): string {
  const text = String(value)
  const match = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text)
  if (!match) return text
  const [, whole, fraction = "", exponent] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponent)
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`
  if (point >= digits.length) return digits + "0".repeat(point - digits.length)
  return `${digits.slice(0, point)}.${digits.slice(point)}`
}

export function toUnitPricesDraft(prices: UnitPrices | null | undefined): UnitPricesDraft {
  return Object.fromEntries(
    Object.entries(prices ?? {}).map(([item, byCurrency]) => [
      item,
      Object.fromEntries(Object.entries(byCurrency).map(([currency, price]) => [currency, decimalText(price)])),
    ])
  )
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/
// A double holds any decimal of up to 15 significant digits exactly: more could be saved as another price.
const MAX_SIGNIFICANT_DIGITS = 15

/** Why a typed price cannot be saved, or null ("" is fine: not priced). */
export function unitPriceProblem(text: string): string | null {
  const value = text.trim()
  if (!value) return null
  if (!DECIMAL.test(value)) return "enter zero or more, with a point for decimals, such as 0.05"
  const significant = value.replace(".", "").replace(/^0+/, "").replace(/0+$/, "")
  if (significant.length > MAX_SIGNIFICANT_DIGITS) return `at most ${MAX_SIGNIFICANT_DIGITS} significant digits`
  return null
}

/** The first price that cannot be saved, named for the merchant, or null. */
export function firstUnitPriceProblem(draft: UnitPricesDraft, labelOf: (item: string) => string = (item) => item): string | null {
  for (const [item, byCurrency] of Object.entries(draft)) {
    for (const [currency, text] of Object.entries(byCurrency)) {
      const problem = unitPriceProblem(text)
      if (problem) return `${labelOf(item)}, ${currency.toUpperCase()}: ${problem}`
    }
  }
  return null
}

/** The draft as the API's `unit_prices`: empty inputs left out, items without a price too. Call only without problems. */
export function toUnitPrices(draft: UnitPricesDraft): UnitPrices {
  const prices: UnitPrices = {}
  for (const [item, byCurrency] of Object.entries(draft)) {
    const priced = Object.entries(byCurrency).filter(([, text]) => text.trim() !== "")
    if (priced.length) prices[item] = Object.fromEntries(priced.map(([currency, text]) => [currency, Number(text.trim())]))
  }
  return prices
}

/** The currency columns: those the shop sells in (the store's default first), then any other the offer is already priced in. */
export function priceCurrencies(prices: UnitPrices | null | undefined, storeCurrencies: string[]): string[] {
  const used = Object.values(prices ?? {}).flatMap((byCurrency) => Object.keys(byCurrency))
  return [...new Set([...storeCurrencies.map((c) => c.toLowerCase()), ...used.sort()])]
}

export type PriceableItem = { name: string; edition: string | null; measurement_unit: string | null }

/**
 * The offering items an offer can bill usage for, in catalogue order: those of the editions it enables (pay per
 * use: its licensing models' editions; a contract's partner tenant: every mapped edition) and the edition-less
 * ones of its services; a plan's own items (their overage). Features without a measure (`n/a`) are not billed.
 * An item already priced stays listed even if the catalogue no longer has it (or could not be read), so saving
 * never drops a price unseen.
 */
export function priceableItems(offer: StoredOffer, catalogue: PricingCatalogue | null, mapping: EditionMapping | null): PriceableItem[] {
  const known = catalogue?.offering_items ?? []
  // A plan bills usage only above its items' quotas (overage): its own items, nothing by edition.
  const editions = !mapping || offer.type === "plan"
    ? []
    : offer.type === "ppu"
      ? editionsForOffer(offer as Parameters<typeof editionsForOffer>[0], mapping)
      : mappedEditions(mapping)
  const applicationTypes = new Set(
    offer.type === "plan" ? [] : (offer.services ?? []).map((service) => SERVICE_APPLICATION_TYPES[service as keyof typeof SERVICE_APPLICATION_TYPES])
  )
  const typeOf = new Map((catalogue?.applications ?? []).map((app) => [app.id, app.type]))
  const items = new Map<string, PriceableItem>()
  for (const item of known) {
    if (items.has(item.name) || !item.measurement_unit || item.measurement_unit === "n/a") continue
    const edition = item.edition ?? null
    const fits = edition ? editions.includes(edition) : applicationTypes.has(typeOf.get(item.application_id) ?? "")
    const named = (offer.offering_items ?? []).some((own) => own.name === item.name)
    if (fits || named) items.set(item.name, { name: item.name, edition, measurement_unit: item.measurement_unit })
  }
  for (const name of Object.keys(offer.unit_prices ?? {})) {
    if (!items.has(name)) {
      const found = known.find((item) => item.name === name)
      items.set(name, { name, edition: found?.edition ?? null, measurement_unit: found?.measurement_unit ?? null })
    }
  }
  return [...items.values()]
}
