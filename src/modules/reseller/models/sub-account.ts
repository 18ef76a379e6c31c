import { model } from "@medusajs/framework/utils"
import { Reseller } from "./reseller"
import { SubAccountUser } from "./sub-account-user"

/**
 * A reseller's account for one of its own customers (`end_customer`) or for a subsidiary or affiliate of
 * the reseller (`sub_division`). Both become an Acronis `customer` tenant directly under the reseller's
 * partner tenant (see the module README for why a sub-division is not a folder).
 *
 * States (`SubAccountStatus`): `pending` (saved, Acronis tenant not there yet; account number "PENDING")
 * → `active` (tenant exists, account number set, users can be added) → `disabled`.
 */
export const SubAccount = model.define("reseller_sub_account", {
  id: model.id({ prefix: "rsub" }).primaryKey(),
  kind: model.enum(["end_customer", "sub_division"]),
  name: model.text().searchable(),
  /** The sub-account's main e-mail address; its domain is one of the review's similarity signals. */
  email: model.text(),
  phone: model.text().nullable(),
  address_1: model.text(),
  address_2: model.text().nullable(),
  city: model.text(),
  province: model.text().nullable(),
  postal_code: model.text(),
  /** ISO 3166-1 alpha-2, lower case (Medusa's convention). */
  country_code: model.text(),
  /** The reseller's user (a Medusa customer acting for the reseller) told when the sub-account is ready. */
  notification_customer_id: model.text(),
  status: model.enum(["pending", "active", "disabled"]).default("pending"),
  /** Shown to users once the Acronis tenant exists: the Acronis tenant id. Null (shown "PENDING") until then. */
  account_number: model.text().nullable(),
  acronis_tenant_id: model.text().nullable(),
  activated_at: model.dateTime().nullable(),
  /** The last provisioning failure, for the admin; cleared when provisioning succeeds. */
  provisioning_error: model.text().nullable(),
  reseller: model.belongsTo(() => Reseller, { mappedBy: "sub_accounts" }),
  users: model.hasMany(() => SubAccountUser, { mappedBy: "sub_account" }),
  metadata: model.json().nullable(),
})
