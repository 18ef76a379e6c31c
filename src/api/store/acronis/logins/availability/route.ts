import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkLoginAvailability, loadAcronisCheckout } from "../../../../../workflows/acronis-checkout"
import type { StoreAcronisLoginAvailabilityType } from "../validators"

/**
 * `{ login, available, reason }`: well-formed, free in Acronis and not reserved by another cart or order. For
 * signed-in customers only, rate-limited, Acronis's answer cached briefly (see the middlewares).
 */
export async function GET(req: MedusaRequest<unknown, StoreAcronisLoginAvailabilityType>, res: MedusaResponse) {
  const { login, cart_id } = req.validatedQuery as StoreAcronisLoginAvailabilityType
  const format = cart_id
    ? (await loadAcronisCheckout(req.scope, cart_id)).steps.find((step) => step.step === "service_details")
    : undefined
  res.json(
    await checkLoginAvailability(req.scope, login, {
      cartId: cart_id,
      cached: true,
      format: format?.step === "service_details" ? format.login_format : undefined,
    })
  )
}
