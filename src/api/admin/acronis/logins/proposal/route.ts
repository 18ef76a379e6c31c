import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { proposeLogin } from "../../../../../workflows/acronis-checkout"
import type { AdminAcronisLoginProposalType } from "../validators"

/**
 * `{ login, available, tried }`: the wizard's proposal of a login for a plan's administrator, built and checked
 * live as the store's (`GET /store/acronis/logins/proposal`), with no cart of its own.
 */
export async function GET(req: AuthenticatedMedusaRequest<unknown, AdminAcronisLoginProposalType>, res: MedusaResponse) {
  const { username, domain } = req.validatedQuery as AdminAcronisLoginProposalType
  res.json(await proposeLogin(req.scope, { username, domain }))
}
