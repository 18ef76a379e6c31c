import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadAcronisCheckout } from "../checkout-state"

export const loadAcronisCheckoutStepId = "load-acronis-checkout"

/** Reads the cart's Acronis items, the buyer and the state of each checkout step (see `checkout-state.ts`). */
export const loadAcronisCheckoutStep = createStep(
  loadAcronisCheckoutStepId,
  async (input: { cart_id: string }, { container }) => {
    return new StepResponse(await loadAcronisCheckout(container, input.cart_id))
  }
)
