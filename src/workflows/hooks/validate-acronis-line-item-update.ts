import { updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { validateAcronisItemUpdated } from "../acronis-checkout/basket"

// An Acronis line item keeps quantity 1 and valid settings when changed.
updateLineItemInCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  await validateAcronisItemUpdated(container, input.cart_id, input.item_id, input.update ?? {})
})
