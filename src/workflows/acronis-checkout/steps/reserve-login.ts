import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_CHECKOUT_MODULE } from "../../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../../modules/acronis-checkout/service"
import { holdsLogin } from "../login"

export const reserveLoginStepId = "reserve-login"

type Compensation = { created_id: string | null; released_ids: string[] }

/**
 * Holds `login` for the cart and releases the login the cart held before, if another. The unique index on
 * open reservations settles a race between two carts: the second gets a 400. Compensation deletes the new
 * reservation and re-opens the released ones.
 */
export const reserveLoginStep = createStep(
  reserveLoginStepId,
  async (input: { cart_id: string; login: string }, { container }) => {
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    const open = await records.listAcronisLoginReservations({ cart_id: input.cart_id, released_at: null })
    const kept = open.find((reservation) => reservation.login === input.login)
    const released = open.filter((reservation) => reservation !== kept)
    if (released.length) {
      await records.updateAcronisLoginReservations(released.map(({ id }) => ({ id, released_at: new Date() })))
    }
    const compensation: Compensation = { created_id: null, released_ids: released.map(({ id }) => id) }
    if (kept) {
      return new StepResponse(kept, compensation)
    }
    // Abandoned carts' reservations of this login give way (see `holdsLogin`).
    const abandoned = (await records.listAcronisLoginReservations({ login: input.login, released_at: null })).filter(
      (reservation) => reservation.cart_id !== input.cart_id && !holdsLogin(reservation)
    )
    if (abandoned.length) {
      await records.updateAcronisLoginReservations(abandoned.map(({ id }) => ({ id, released_at: new Date() })))
      compensation.released_ids.push(...abandoned.map(({ id }) => id))
    }
    try {
      const created = await records.createAcronisLoginReservations({ login: input.login, cart_id: input.cart_id })
      return new StepResponse(created, { ...compensation, created_id: created.id })
    } catch (error) {
      if (compensation.released_ids.length) {
        await records.updateAcronisLoginReservations(compensation.released_ids.map((id) => ({ id, released_at: null })))
      }
      if (/unique|duplicate|already exists/i.test((error as Error).message)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The login "${input.login}" is already taken; choose another.`)
      }
      throw error
    }
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    if (compensation.created_id) {
      await records.deleteAcronisLoginReservations(compensation.created_id)
    }
    if (compensation.released_ids.length) {
      await records.updateAcronisLoginReservations(compensation.released_ids.map((id) => ({ id, released_at: null })))
    }
  }
)
