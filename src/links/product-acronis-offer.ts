import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import AcronisModule from "../modules/acronis"

// One offer per product; deleting the product deletes its offer.
export default defineLink(ProductModule.linkable.product, {
  linkable: AcronisModule.linkable.acronisOffer,
  deleteCascade: true,
})
