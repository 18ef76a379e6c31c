import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AcronisModule from "../modules/acronis"

// An order has one Acronis subscription per Acronis line item (Query: `order.acronis_subscriptions`).
export default defineLink(OrderModule.linkable.order, {
  linkable: AcronisModule.linkable.acronisSubscription,
  isList: true,
})
