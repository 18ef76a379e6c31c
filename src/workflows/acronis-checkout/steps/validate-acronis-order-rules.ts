import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { AcronisCheckoutState } from "../checkout-state"
import {
  assertBillingInterval,
  assertBuyerMayOrder,
  assertNoOpenPayPerUse,
  assertOnePayPerUseLine,
  assertQuantityOne,
  assertSettings,
} from "../rules"
import { assertDataLocationsOfTenant, assertPlanOrder } from "../plan-order"

export const validateAcronisOrderRulesStepId = "validate-acronis-order-rules"

/**
 * Every ordering rule, again at completion (the basket may have changed since: the customer signed in, the
 * cart's sub-account changed, another order was placed): a signed-in customer, quantity 1, settings, a plan's order form (and a data location its tenant can take), one
 * pay-per-use item, who may buy what, and no second active or pending pay-per-use subscription.
 */
export const validateAcronisOrderRulesStep = createStep(
  validateAcronisOrderRulesStepId,
  async (state: AcronisCheckoutState, { container }) => {
    if (!state.buyer.customer_id || !state.buyer.has_account) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Sign in to a customer account before ordering Acronis services: each service is provisioned for, and " +
          "managed by, a known customer."
      )
    }
    for (const line of state.lines) {
      assertQuantityOne(line)
      assertSettings(line)
      assertBillingInterval(line)
      // Again at completion: the storages Acronis offers may have changed since the item was added.
      await assertPlanOrder(container, line, state.cart.currency_code)
    }
    assertOnePayPerUseLine(state.lines)
    assertBuyerMayOrder(state.lines, state.buyer, state.cart.currency_code)
    await assertDataLocationsOfTenant(container, state.lines, state.buyer)
    await assertNoOpenPayPerUse(container, state.lines, state.buyer)
    return new StepResponse(undefined)
  }
)
