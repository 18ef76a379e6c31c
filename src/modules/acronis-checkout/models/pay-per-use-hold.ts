import { model } from "@medusajs/framework/utils"

/**
 * The one open pay-per-use order of a consumer (a customer, a reseller for itself, or a sub-account), taken
 * when a checkout or a staff order passes the one-pay-per-use rule and kept until that order is placed or
 * given up. The unique index allows one open hold per consumer, so of two checkouts completing at once, in
 * one process or two, the database lets one through: the other is refused. `order_id` is set once the order
 * exists; a hold whose order no longer has an open pay-per-use gives way to the next order.
 */
export const AcronisPayPerUseHold = model
  .define("acronis_pay_per_use_hold", {
    id: model.id({ prefix: "acppu" }).primaryKey(),
    /** `customer:<id>`, `reseller:<id>` or `sub_account:<id>`: whose pay-per-use service it is. */
    consumer_key: model.text(),
    /** The storefront cart completing; null for a staff order. */
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    released_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["consumer_key"], unique: true, where: "released_at IS NULL AND deleted_at IS NULL" },
    { on: ["cart_id"] },
  ])
