import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type AcronisCheckoutState, checkoutStep } from "../checkout-state"

export const validateTermsAcceptanceStepId = "validate-terms-acceptance"

/** Terms can be accepted on an open cart with Acronis items, and only in their current version. */
export const validateTermsAcceptanceStep = createStep(
  validateTermsAcceptanceStepId,
  async (input: { state: AcronisCheckoutState; terms_version: string }) => {
    const { state } = input
    if (state.cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${state.cart.id} is already completed.`)
    }
    const terms = checkoutStep(state, "terms")
    if (!terms) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cart ${state.cart.id} has no Acronis items, so there are no Acronis terms of use to accept.`
      )
    }
    if (input.terms_version !== terms.terms_version) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The Acronis terms of use are at version ${terms.terms_version} (${terms.terms_url}), not ` +
          `${input.terms_version}: show the current terms and accept that version.`
      )
    }
    return new StepResponse({ terms_url: terms.terms_url, terms_version: terms.terms_version, already_accepted: terms.completed })
  }
)
