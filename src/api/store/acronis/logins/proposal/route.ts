import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { proposeLogin } from "../../../../../workflows/acronis-checkout"
import type { StoreAcronisLoginProposalType } from "../validators"

/**
 * `{ login, available, tried }`: a login for a plan's administrator built from the username (seed 004
 * recommends "Admin") and the customer's domain, free in Acronis and not reserved by another cart. For
 * signed-in customers only, rate-limited (see the middlewares).
 */
export async function GET(req: MedusaRequest<unknown, StoreAcronisLoginProposalType>, res: MedusaResponse) {
  const { username, domain, cart_id } = req.validatedQuery as StoreAcronisLoginProposalType
  res.json(await proposeLogin(req.scope, { username, domain, cartId: cart_id }))
}
