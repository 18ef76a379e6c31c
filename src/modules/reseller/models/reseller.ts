import { model } from "@medusajs/framework/utils"
import { SubAccount } from "./sub-account"

/**
 * A company that resells the shop's Acronis services to its own customers. Medusa customers act for it
 * (link `reseller-customer`). Its Acronis `partner` tenant is created under the MSP's root the first time one
 * of its sub-accounts is provisioned, and reused afterwards.
 *
 * States: `active → disabled` (a disabled reseller's customers can no longer manage sub-accounts).
 */
export const Reseller = model.define("reseller", {
  id: model.id({ prefix: "resl" }).primaryKey(),
  name: model.text().searchable(),
  status: model.enum(["active", "disabled"]).default("active"),
  /** The reseller's Acronis partner tenant; null until its first sub-account is provisioned. */
  acronis_tenant_id: model.text().nullable(),
  sub_accounts: model.hasMany(() => SubAccount, { mappedBy: "reseller" }),
  metadata: model.json().nullable(),
})
