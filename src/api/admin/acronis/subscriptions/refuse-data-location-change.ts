import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const REASONS = {
  admin: "the data location is not a term of the subscription: move it with POST /admin/acronis/subscriptions/:id/data-location, which Acronis allows only while the tenant stores nothing.",
  customer: "the data location is permanent: it was confirmed with the order and cannot be changed here; ask us if the tenant stores nothing yet.",
}

/**
 * The change routes refuse a data location by name (400 `data_location: …`) rather than as an unknown field:
 * the buyer confirmed it for good at checkout, and staff move it with its own route and rule.
 */
export function refuseDataLocationChange(by: keyof typeof REASONS) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const body = req.body as Record<string, unknown> | undefined
    if (body && typeof body === "object" && ("data_location" in body || body.type === "data_location")) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `data_location: ${REASONS[by]}`))
    }
    next()
  }
}
