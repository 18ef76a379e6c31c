import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { subscriptionFields } from "./query-config"
import type { AdminListAcronisSubscriptionsType } from "./validators"

/** Acronis subscriptions, newest first; filter by `status` (one or many), `customer_id`, `order_id`. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { status, customer_id, order_id, limit, offset } = req.validatedQuery as AdminListAcronisSubscriptionsType
  const filters = {
    ...(status && { status }),
    ...(customer_id && { customer_id }),
    ...(order_id && { order_id }),
  }
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ subscriptions: data, count: metadata?.count ?? data.length, limit, offset })
}
