import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ResellerModule from "../modules/reseller"

/**
 * The Medusa customers who act for a reseller (its users in the store). A reseller has many; a customer acts
 * for at most one reseller, which the workflows that add links check.
 */
export default defineLink(ResellerModule.linkable.reseller, {
  linkable: CustomerModule.linkable.customer,
  isList: true,
})
