import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AcronisModule from "../modules/acronis"

// The customer who bought the subscription (Query: `customer.acronis_subscriptions`).
export default defineLink(CustomerModule.linkable.customer, {
  linkable: AcronisModule.linkable.acronisSubscription,
  isList: true,
})
