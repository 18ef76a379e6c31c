import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../../../../../../modules/acronis"
import type AcronisModuleService from "../../../../../../../modules/acronis/service"

/** The signed-in customer's subscription; anyone else's answers 404, as if it did not exist. */
export async function requireOwnSubscription(req: AuthenticatedMedusaRequest): Promise<string> {
  const [subscription] = await req.scope
    .resolve<AcronisModuleService>(ACRONIS_MODULE)
    .listAcronisSubscriptions({ id: req.params.id, customer_id: req.auth_context.actor_id }, { select: ["id"] })
  if (!subscription) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Acronis subscription with id: ${req.params.id} was not found`)
  }
  return subscription.id
}
