import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type AcronisCheckoutState, checkoutStep } from "../checkout-state"
import { checkLoginAvailability } from "../login"

export type ValidateServiceDetailsStepInput = { state: AcronisCheckoutState; login: string; email: string }

export const validateServiceDetailsStepId = "validate-service-details"

/**
 * Service details are asked only when the step is required (no Acronis tenant yet); the login has the
 * format the order needs and is free in Acronis and in this shop. Returns the lower-cased login.
 */
export const validateServiceDetailsStep = createStep(
  validateServiceDetailsStepId,
  async (input: ValidateServiceDetailsStepInput, { container }) => {
    const { state } = input
    if (state.cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${state.cart.id} is already completed.`)
    }
    const step = checkoutStep(state, "service_details")
    if (!step) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${state.cart.id} has no Acronis items: no service details are needed.`)
    }
    if (!step.required) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "No service details are needed: the Acronis account this order is for already exists, and the service is added to it."
      )
    }
    const availability = await checkLoginAvailability(container, input.login, { cartId: state.cart.id, format: step.login_format })
    if (!availability.available) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, availability.reason!)
    }
    return new StepResponse({ login: availability.login, email: input.email.trim().toLowerCase() })
  }
)
