import { model } from "@medusajs/framework/utils"

/**
 * One day's usage of one offering item on one storage for one subscription, as Acronis reported it at
 * `synced_at`. Syncing the same day again replaces the row (unique per subscription, item, storage, day),
 * so the last sync of a UTC day is that day's value.
 */
export const AcronisUsageSnapshot = model
  .define("acronis_usage_snapshot", {
    id: model.id({ prefix: "acusage" }).primaryKey(),
    subscription_id: model.text().index(),
    tenant_id: model.text(),
    offering_item: model.text(),
    edition: model.text().nullable(),
    /** The storage for infra items; "" for the others (so the unique index covers them too). */
    infra_id: model.text().default(""),
    /** bytes | quantity | seconds */
    measurement_unit: model.text(),
    /** UTC day, YYYY-MM-DD. */
    day: model.text(),
    /** Integers as decimal strings: bytes exceed what int columns and JS numbers hold exactly. */
    value: model.text(),
    absolute_value: model.text(),
    /** The tenant's pricing mode when synced: Acronis splits usage into trial and production, and bills production only. */
    pricing_mode: model.text().default("production"),
    synced_at: model.dateTime(),
  })
  .indexes([{ on: ["subscription_id", "offering_item", "infra_id", "day"], unique: true }])
