import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import AcronisCheckoutModule from "../modules/acronis-checkout"

/**
 * Read-only: a terms consent keeps the cart's id in `cart_id` (the consent is a legal record written once,
 * so the id lives on the record itself rather than in a link table that could be edited apart from it). This
 * lets Query read `acronis_terms_consent.cart`.
 */
export default defineLink(
  { linkable: AcronisCheckoutModule.linkable.acronisTermsConsent, field: "cart_id" },
  CartModule.linkable.cart,
  { readOnly: true }
)
