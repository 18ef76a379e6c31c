import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { ACRONIS_CHECKOUT_MODULE } from "../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../modules/acronis-checkout/service"
import { loadAcronisLines } from "../acronis-checkout/checkout-state"
import { validateAcronisCheckoutWorkflow } from "../acronis-checkout/validate-acronis-checkout"

// Carts with Acronis items complete only when every rule holds and every required checkout step is done.
// Carts without them are left exactly as Medusa handles them. When the completion fails after this (payment
// refused), the pay-per-use hold the cart took is released, so the customer can try again with another cart.
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    if (cart.completed_at) {
      return new StepResponse(undefined, null)
    }
    const lines = await loadAcronisLines(container, { items: (cart.items ?? []) as never })
    if (!lines.length) {
      return new StepResponse(undefined, null)
    }
    await validateAcronisCheckoutWorkflow(container).run({ input: { cart_id: cart.id } })
    return new StepResponse(undefined, cart.id as string | null)
  },
  async (cartId, { container }) => {
    if (!cartId) return
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    const holds = await records.listAcronisPayPerUseHolds({ cart_id: cartId, order_id: null, released_at: null }, { select: ["id"] })
    if (holds.length) await records.updateAcronisPayPerUseHolds(holds.map(({ id }) => ({ id, released_at: new Date() })))
  }
)
