import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadAcronisCheckout } from "../../../../../../workflows/acronis-checkout"
import { toStoreCheckoutView } from "../checkout-view"

/** The Acronis checkout steps this cart needs, in order, each `required` and `completed`. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const state = await loadAcronisCheckout(req.scope, req.params.id)
  res.json({ acronis_checkout: toStoreCheckoutView(state) })
}
