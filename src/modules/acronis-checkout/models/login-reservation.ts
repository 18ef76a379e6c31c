import { model } from "@medusajs/framework/utils"

/**
 * Holds a login chosen at checkout (service details) so no other open cart or unprovisioned order of this
 * shop can take it before Acronis has the user. Open while `released_at` is null; the unique index allows one
 * open reservation per login. Released when the cart chooses another login, or once provisioning created the
 * Acronis user (Acronis itself then refuses the login).
 */
export const AcronisLoginReservation = model
  .define("acronis_login_reservation", {
    id: model.id({ prefix: "aclogin" }).primaryKey(),
    /** Lower-cased: Acronis logins are unique case-insensitively. */
    login: model.text(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    released_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["login"], unique: true, where: "released_at IS NULL AND deleted_at IS NULL" },
    { on: ["cart_id"] },
    { on: ["order_id"] },
  ])
