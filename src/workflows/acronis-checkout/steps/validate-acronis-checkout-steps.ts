import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type AcronisCheckoutState, checkoutStep } from "../checkout-state"
import { checkLoginAvailability } from "../login"

export const validateAcronisCheckoutStepsStepId = "validate-acronis-checkout-steps"

const notDone = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/**
 * Every required checkout step is done, in the order the storefront shows them; the first missing one is
 * named with the call that completes it. The reserved login is checked against Acronis once more, as
 * someone outside this shop may have taken it since.
 */
export const validateAcronisCheckoutStepsStep = createStep(
  validateAcronisCheckoutStepsStepId,
  async (state: AcronisCheckoutState, { container }) => {
    const cartId = state.cart.id
    const terms = checkoutStep(state, "terms")!
    if (terms.required && !terms.completed) {
      throw notDone(
        `Checkout step "terms" is not done: accept the Acronis terms of use (version ${terms.terms_version}, ` +
          `${terms.terms_url}) with POST /store/carts/${cartId}/acronis/terms.`
      )
    }
    const billing = checkoutStep(state, "billing")!
    if (billing.required && !billing.completed) {
      throw notDone(
        `Checkout step "billing" is not done: the cart lacks ${billing.missing.join(", ")}. Complete the billing ` +
          `information with POST /store/carts/${cartId}.`
      )
    }
    const service = checkoutStep(state, "service_details")!
    if (service.required && !service.completed) {
      throw notDone(
        `Checkout step "service_details" is not done: give the login and activation e-mail of the new Acronis ` +
          `account with POST /store/carts/${cartId}/acronis/service-details.`
      )
    }
    if (service.required && service.login) {
      const availability = await checkLoginAvailability(container, service.login, { cartId, format: service.login_format })
      if (!availability.available) {
        throw notDone(`Checkout step "service_details" needs a new login: ${availability.reason}`)
      }
    }
    return new StepResponse(undefined)
  }
)
