import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../../../../../../modules/acronis"
import type AcronisModuleService from "../../../../../../../modules/acronis/service"

/**
 * The signed-in customer's subscription — its own, or one its reseller holds (a sub-account's, a contract:
 * every customer acting for an active reseller acts for all of the reseller's subscriptions). Anyone else's
 * answers 404, as if it did not exist.
 */
export async function requireOwnSubscription(req: AuthenticatedMedusaRequest): Promise<string> {
  const customerId = req.auth_context.actor_id
  const [subscription] = await req.scope
    .resolve<AcronisModuleService>(ACRONIS_MODULE)
    .listAcronisSubscriptions({ id: req.params.id }, { select: ["id", "customer_id", "reseller_id"] })
  let owns = !!subscription && subscription.customer_id === customerId
  if (subscription && !owns && subscription.reseller_id) {
    const { data: [customer] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "customer",
      fields: ["id", "reseller.id", "reseller.status"],
      filters: { id: customerId },
    })
    const reseller = (customer as { reseller?: { id: string; status: string } | null } | undefined)?.reseller
    owns = reseller?.status === "active" && reseller.id === subscription.reseller_id
  }
  if (!subscription || !owns) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Acronis subscription with id: ${req.params.id} was not found`)
  }
  return subscription.id
}
