import { updateCartsStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { loadAcronisCheckoutStep, reserveLoginStep, validateServiceDetailsStep } from "./steps"

export type SaveAcronisServiceDetailsInput = { cart_id: string; login: string; email: string }

export const saveAcronisServiceDetailsWorkflowId = "save-acronis-service-details"

/**
 * Checkout step "service_details": reserves the login for the cart and keeps login and activation e-mail in
 * `cart.metadata.acronis_service_details`, which Medusa copies to the order for provisioning.
 */
export const saveAcronisServiceDetailsWorkflow = createWorkflow(
  saveAcronisServiceDetailsWorkflowId,
  (input: SaveAcronisServiceDetailsInput) => {
    const state = loadAcronisCheckoutStep({ cart_id: input.cart_id })
    const details = validateServiceDetailsStep({ state, login: input.login, email: input.email })
    reserveLoginStep(transform({ input, details }, ({ input, details }) => ({ cart_id: input.cart_id, login: details.login })))
    const update = transform({ state, details }, ({ state, details }) => [
      { id: state.cart.id, metadata: { ...(state.cart.metadata ?? {}), acronis_service_details: details } },
    ])
    updateCartsStep(update)
    return new WorkflowResponse(details)
  }
)
