import { model } from "@medusajs/framework/utils"

/**
 * How one Medusa product maps to Acronis: what kind of Acronis product it is, which editions and offering
 * items it enables, and the prices that usage billing applies. Linked one-to-one to a product.
 */
export const AcronisOffer = model.define("acronis_offer", {
  id: model.id({ prefix: "acoffer" }).primaryKey(),
  type: model.enum(["ppu", "contract", "plan"]),
  /** Protection licensing models a shopper may choose (pay per use): per_gigabyte, per_workload. */
  protection_models: model.array().default([]),
  /** File Sync & Share licensing models a shopper may choose (pay per use): per_user, per_workload. */
  file_sync_share_models: model.array().default([]),
  /** Services provisioned: protection, file_sync_share, physical_data_shipping, notary. */
  services: model.array().default([]),
  /** CSP contract tier, 0–7 (contracts only). */
  contract_tier: model.number().nullable(),
  /** Minimum monthly commitment per currency, in major units, e.g. { "usd": 500 } (contracts only). */
  commitments: model.json().nullable(),
  /** Seat plan terms: deployment, payment, billing intervals, data centres, postponed billing, seat prices. */
  plan: model.json().nullable(),
  /** Offering items the offer enables: [{ name, edition, quota: { value, overage } | null }]. */
  offering_items: model.json(),
  /** Price per unit of each billable offering item per currency: { [item]: { unit, prices: { usd: 0.05 } } }. */
  unit_prices: model.json().nullable(),
  /** How a month's storage is billed: its peak, or its last day. */
  storage_basis: model.enum(["peak", "last_day"]).default("peak"),
  /** Pricing mode the tenant is switched to once provisioned. */
  pricing_mode: model.enum(["trial", "production"]).default("production"),
  /** For MSPs with several partner tenants: where to create tenants instead of the API client's root. */
  parent_tenant_id: model.text().nullable(),
  datacenter_url: model.text().nullable(),
  metadata: model.json().nullable(),
})
