import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_CHECKOUT_MODULE } from "../../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../../modules/acronis-checkout/service"
import type { AcronisLine } from "../acronis-lines"
import { payPerUseConsumerKey, type AcronisBuyer } from "../buyer"
import { payPerUseHoldState } from "../pay-per-use-hold"
import { assertNoOpenPayPerUse } from "../rules"

export type HoldPayPerUseInput = {
  lines: Pick<AcronisLine, "offer">[]
  buyer: AcronisBuyer
  /** The completing cart; null for a staff order. */
  cart_id: string | null
}

export const holdPayPerUseStepId = "hold-pay-per-use"

const isUniqueViolation = (error: unknown) => /unique|duplicate|already exists/i.test((error as Error).message)

// NOT_ALLOWED (400), not CONFLICT: Medusa answers a 409 with a generic message, and the buyer needs this one.
const busy = () =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "Another pay-per-use order for this account is being placed right now. Only one pay-per-use subscription is " +
      "allowed: wait for that order, then check your services before ordering again."
  )

/**
 * Takes the consumer's pay-per-use hold for this order, after the one-pay-per-use rule passed: the step that
 * makes the rule hold when two orders are placed at once, in one process or several. The unique index on
 * open holds lets one order through; the other gets a 400 that says why. An open hold of another order:
 * - still completing → 400, "being placed right now";
 * - placed → the rule is asked again, now that the order exists: a 400 while its pay-per-use is open; once
 *   it has ended (cancelled, terminated) the hold gives way;
 * - never placed after `PAY_PER_USE_HOLD_MS` → gives way.
 * The same cart asking again keeps its hold. Compensation deletes the hold it took.
 */
export const holdPayPerUseStep = createStep(
  holdPayPerUseStepId,
  async (input: HoldPayPerUseInput, { container }) => {
    const consumerKey = payPerUseConsumerKey(input.buyer)
    if (!consumerKey || !input.lines.some((line) => line.offer.type === "ppu")) {
      return new StepResponse(null, null as string | null)
    }
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    const [open] = await records.listAcronisPayPerUseHolds({ consumer_key: consumerKey, released_at: null })
    if (open && input.cart_id && open.cart_id === input.cart_id) {
      return new StepResponse(open.id, null as string | null)
    }
    if (open) {
      const completed = !open.order_id && open.cart_id ? await cartCompleted(container, open.cart_id) : false
      const state = payPerUseHoldState(open, completed)
      if (state === "in_flight") throw busy()
      if (state === "settled") await assertNoOpenPayPerUse(container, input.lines as AcronisLine[], input.buyer)
      await records.updateAcronisPayPerUseHolds({ id: open.id, released_at: new Date() })
    }
    try {
      const hold = await records.createAcronisPayPerUseHolds({ consumer_key: consumerKey, cart_id: input.cart_id })
      return new StepResponse(hold.id, hold.id as string | null)
    } catch (error) {
      if (isUniqueViolation(error)) throw busy()
      throw error
    }
  },
  async (holdId, { container }) => {
    if (!holdId) return
    await container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE).deleteAcronisPayPerUseHolds(holdId)
  }
)

async function cartCompleted(container: MedusaContainer, cartId: string): Promise<boolean> {
  const { data: [cart] } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartId } })
  return !!cart?.completed_at
}
