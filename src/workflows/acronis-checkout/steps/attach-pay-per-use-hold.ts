import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_CHECKOUT_MODULE } from "../../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../../modules/acronis-checkout/service"

export const attachPayPerUseHoldStepId = "attach-pay-per-use-hold"

/** Names the order a staff order's pay-per-use hold stands for (a storefront cart's is attached on `order.placed`). */
export const attachPayPerUseHoldStep = createStep(
  attachPayPerUseHoldStepId,
  async (input: { hold_id: string | null; order_id: string }, { container }) => {
    if (!input.hold_id) return new StepResponse(undefined)
    await container
      .resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
      .updateAcronisPayPerUseHolds({ id: input.hold_id, order_id: input.order_id })
    return new StepResponse(undefined)
  }
)
