import { model } from "@medusajs/framework/utils"

/**
 * A shopper's acceptance of the Acronis terms of use for one cart: which terms (URL and version), when, from
 * which IP address and user agent. Written once and never edited: the only later change is `order_id`, set
 * when the cart becomes an order. Accepting again (e.g. after the terms version changed) writes a new record.
 */
export const AcronisTermsConsent = model
  .define("acronis_terms_consent", {
    id: model.id({ prefix: "acterms" }).primaryKey(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    terms_url: model.text(),
    terms_version: model.text(),
    accepted_at: model.dateTime(),
    ip_address: model.text().nullable(),
    user_agent: model.text().nullable(),
  })
  .indexes([{ on: ["cart_id"] }, { on: ["order_id"] }])
