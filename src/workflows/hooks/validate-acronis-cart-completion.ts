import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { loadAcronisLines } from "../acronis-checkout/checkout-state"
import { validateAcronisCheckoutWorkflow } from "../acronis-checkout/validate-acronis-checkout"

// Carts with Acronis items complete only when every rule holds and every required checkout step is done.
// Carts without them are left exactly as Medusa handles them.
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  if (cart.completed_at) {
    return
  }
  const lines = await loadAcronisLines(container, { items: (cart.items ?? []) as never })
  if (!lines.length) {
    return
  }
  await validateAcronisCheckoutWorkflow(container).run({ input: { cart_id: cart.id } })
})
