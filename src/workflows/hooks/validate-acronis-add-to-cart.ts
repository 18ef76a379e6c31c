import { addToCartWorkflow } from "@medusajs/medusa/core-flows"
import { validateAcronisItemsAdded } from "../acronis-checkout/basket"

// Acronis items: quantity 1, licensing models for pay per use, who may buy what. Plain items pass untouched.
addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  await validateAcronisItemsAdded(container, cart.id, input.items ?? [])
})
