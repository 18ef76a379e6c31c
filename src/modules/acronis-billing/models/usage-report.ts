import { model } from "@medusajs/framework/utils"

/**
 * Acronis's `usage_summary` report for one month (root tenant, level `accounts`), fetched once and kept, so
 * closing many subscriptions asks Acronis for one report, and every statement can be re-checked against it.
 */
export const AcronisUsageReport = model.define("acronis_usage_report", {
  id: model.id({ prefix: "acurep" }).primaryKey(),
  period: model.text().unique(),
  report_id: model.text(),
  /** `{ items }`: the json_v2_0 `tenants` rows (`{ tenant_uuid, name, infra_id, measurement_unit, value, … }`). */
  rows: model.json(),
  fetched_at: model.dateTime(),
})
