import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AcronisCheckoutModule from "../modules/acronis-checkout"

/**
 * Read-only: a terms consent keeps the order's id in `order_id` once the cart became an order (see
 * `acronis-terms-consent-cart.ts` for why ids, not a link table). Query reads `acronis_terms_consent.order`.
 */
export default defineLink(
  { linkable: AcronisCheckoutModule.linkable.acronisTermsConsent, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
