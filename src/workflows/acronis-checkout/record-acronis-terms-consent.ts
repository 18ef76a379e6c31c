import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createTermsConsentStep, loadAcronisCheckoutStep, validateTermsAcceptanceStep } from "./steps"

export type RecordAcronisTermsConsentInput = {
  cart_id: string
  terms_version: string
  ip_address: string | null
  user_agent: string | null
}

export const recordAcronisTermsConsentWorkflowId = "record-acronis-terms-consent"

/** Records that the shopper accepted the current Acronis terms of use for a cart (checkout step "terms"). */
export const recordAcronisTermsConsentWorkflow = createWorkflow(
  recordAcronisTermsConsentWorkflowId,
  (input: RecordAcronisTermsConsentInput) => {
    const state = loadAcronisCheckoutStep({ cart_id: input.cart_id })
    const terms = validateTermsAcceptanceStep({ state, terms_version: input.terms_version })
    const consentInput = transform({ input, state, terms }, ({ input, state, terms }) => ({
      cart_id: input.cart_id,
      customer_id: state.cart.customer_id,
      terms_url: terms.terms_url,
      terms_version: terms.terms_version,
      ip_address: input.ip_address,
      user_agent: input.user_agent,
    }))
    return new WorkflowResponse(createTermsConsentStep(consentInput))
  }
)
