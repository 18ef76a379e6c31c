import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { AcronisSettings, CheckoutOffer } from "./acronis-lines"
import type { AcronisCheckoutState, CheckoutCart } from "./checkout-state"
import { holdPayPerUseStep, loadAcronisCheckoutStep, validateAcronisCheckoutStepsStep, validateAcronisOrderRulesStep } from "./steps"

export const validateAcronisCheckoutWorkflowId = "validate-acronis-checkout"

/** What a `validateAcronisCheckout` hook handler receives. */
export type ValidateAcronisCheckoutHookInput = {
  cart: CheckoutCart
  /** One entry per Acronis line item: its offer and the line item's id. */
  offers: (CheckoutOffer & { item_id: string })[]
  /** Pay-per-use line items' basket settings, by line item id. */
  settings: Record<string, AcronisSettings>
  /** Buyer, steps and tenant state as checkout computed them. */
  checkout: AcronisCheckoutState
}

/**
 * Run by the complete-cart `validate` hook for carts with Acronis items, before the order exists and before
 * payment is authorized: the ordering rules, then every required checkout step, then the
 * `validateAcronisCheckout` hook, where a shop adds its own rules (throw a `MedusaError` to refuse; the
 * storefront gets a 400 with its message and no order is created), then the consumer's pay-per-use hold
 * (`holdPayPerUseStep`: of two pay-per-use checkouts completing at once, the second gets a 400).
 */
export const validateAcronisCheckoutWorkflow = createWorkflow(
  validateAcronisCheckoutWorkflowId,
  (input: { cart_id: string }) => {
    const state = loadAcronisCheckoutStep(input)
    validateAcronisOrderRulesStep(state)
    validateAcronisCheckoutStepsStep(state)

    const hookInput = transform({ state }, ({ state }): ValidateAcronisCheckoutHookInput => ({
      cart: state.cart,
      offers: state.lines.map((line) => ({ ...line.offer, item_id: line.item_id! })),
      settings: Object.fromEntries(
        state.lines
          .filter((line) => line.offer.type === "ppu")
          .map((line) => [line.item_id!, line.metadata?.acronis as AcronisSettings])
      ),
      checkout: state,
    }))
    const validateAcronisCheckout = createHook("validateAcronisCheckout", hookInput)

    // Last, once every rule passed: the one pay-per-use order of this consumer that may complete now.
    const hold = transform({ state }, ({ state }) => ({ lines: state.lines, buyer: state.buyer, cart_id: state.cart.id }))
    holdPayPerUseStep(hold)

    return new WorkflowResponse(state, { hooks: [validateAcronisCheckout] })
  }
)
