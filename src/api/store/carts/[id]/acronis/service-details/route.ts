import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadAcronisCheckout, saveAcronisServiceDetailsWorkflow } from "../../../../../../workflows/acronis-checkout"
import { toStoreCheckoutView } from "../checkout-view"
import type { StoreAcronisServiceDetailsType } from "../validators"

/** Login and activation e-mail of the new Acronis account; the login is reserved for this cart. */
export async function POST(req: MedusaRequest<StoreAcronisServiceDetailsType>, res: MedusaResponse) {
  const { result } = await saveAcronisServiceDetailsWorkflow(req.scope).run({
    input: { cart_id: req.params.id, ...req.validatedBody },
  })
  const state = await loadAcronisCheckout(req.scope, req.params.id)
  res.json({ service_details: result, acronis_checkout: toStoreCheckoutView(state) })
}
