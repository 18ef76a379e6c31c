import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_CHECKOUT_MODULE } from "../../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../../modules/acronis-checkout/service"

export const attachOrderToCheckoutRecordsStepId = "attach-order-to-checkout-records"

/**
 * Sets `order_id` on the cart's terms consents, open login reservation and pay-per-use hold (the one change a
 * consent ever gets). Records that already name an order are left alone, so running it twice changes nothing.
 */
export const attachOrderToCheckoutRecordsStep = createStep(
  attachOrderToCheckoutRecordsStepId,
  async (input: { order_id: string; cart_id: string | null }, { container }) => {
    if (!input.cart_id) {
      return new StepResponse({ consent_ids: [] as string[], reservation_ids: [] as string[], hold_ids: [] as string[] }, null)
    }
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    const consents = await records.listAcronisTermsConsents({ cart_id: input.cart_id, order_id: null }, { select: ["id"] })
    const reservations = await records.listAcronisLoginReservations(
      { cart_id: input.cart_id, order_id: null, released_at: null },
      { select: ["id"] }
    )
    const holds = await records.listAcronisPayPerUseHolds({ cart_id: input.cart_id, order_id: null, released_at: null }, { select: ["id"] })
    if (consents.length) {
      await records.updateAcronisTermsConsents(consents.map(({ id }) => ({ id, order_id: input.order_id })))
    }
    if (reservations.length) {
      await records.updateAcronisLoginReservations(reservations.map(({ id }) => ({ id, order_id: input.order_id })))
    }
    if (holds.length) {
      await records.updateAcronisPayPerUseHolds(holds.map(({ id }) => ({ id, order_id: input.order_id })))
    }
    const attached = {
      consent_ids: consents.map(({ id }) => id),
      reservation_ids: reservations.map(({ id }) => id),
      hold_ids: holds.map(({ id }) => id),
    }
    return new StepResponse(attached, attached)
  },
  async (attached, { container }) => {
    if (!attached) {
      return
    }
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    if (attached.consent_ids.length) {
      await records.updateAcronisTermsConsents(attached.consent_ids.map((id) => ({ id, order_id: null })))
    }
    if (attached.reservation_ids.length) {
      await records.updateAcronisLoginReservations(attached.reservation_ids.map((id) => ({ id, order_id: null })))
    }
    if (attached.hold_ids.length) {
      await records.updateAcronisPayPerUseHolds(attached.hold_ids.map((id) => ({ id, order_id: null })))
    }
  }
)
