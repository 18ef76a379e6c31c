import { model } from "@medusajs/framework/utils"
import { SubAccount } from "./sub-account"

/**
 * A person who uses the sub-account's Acronis services: an Acronis user (login = e-mail) in the
 * sub-account's customer tenant. Rows are written only once the Acronis user exists and its activation
 * e-mail went out, so the one state today is `invited`; `disabled` is reserved for removing access.
 */
export const SubAccountUser = model.define("reseller_sub_account_user", {
  id: model.id({ prefix: "rsuser" }).primaryKey(),
  /** Lower-cased; unique per sub-account (and, through Acronis logins, platform-wide). */
  email: model.text(),
  first_name: model.text(),
  last_name: model.text(),
  /** ISO 639-1. */
  language: model.text(),
  /** IANA time zone, e.g. "Europe/Berlin", or "UTC". Kept here: Acronis users have no time zone field. */
  time_zone: model.text(),
  status: model.enum(["invited", "disabled"]).default("invited"),
  acronis_user_id: model.text().nullable(),
  sub_account: model.belongsTo(() => SubAccount, { mappedBy: "users" }),
  metadata: model.json().nullable(),
}).indexes([
  { on: ["sub_account_id", "email"], unique: true, where: "deleted_at IS NULL" },
])
