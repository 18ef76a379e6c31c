import { model } from "@medusajs/framework/utils"

/** Billing state of one subscription: when its usage last synced, and the last sync's error if it failed. */
export const AcronisBillingAccount = model.define("acronis_billing_account", {
  id: model.id({ prefix: "acbill" }).primaryKey(),
  subscription_id: model.text().unique(),
  last_synced_at: model.dateTime().nullable(),
  last_sync_attempt_at: model.dateTime().nullable(),
  /** `{ message, http_status, code, at }` of the last failed sync; null after a good one. */
  last_sync_error: model.json().nullable(),
})
