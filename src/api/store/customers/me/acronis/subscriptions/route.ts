import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { storeSubscriptionFields } from "./query-config"

/** The signed-in customer's own Acronis subscriptions, newest first, with status and "Manage your service" URL. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: storeSubscriptionFields,
    filters: { customer_id: req.auth_context.actor_id },
    pagination: { order: { created_at: "DESC" } },
  })
  res.json({ subscriptions: data })
}
