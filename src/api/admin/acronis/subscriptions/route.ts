import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACRONIS_BILLING_MODULE } from "../../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../../modules/acronis-billing/service"
import { subscriptionFields } from "./query-config"
import type { AdminListAcronisSubscriptionsType } from "./validators"

/** Subscriptions staff must act on: provisioning failed, or a month's statement waits on hold. */
async function needingAttention(req: MedusaRequest) {
  const held = await req.scope
    .resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    .listAcronisStatements({ status: "on_hold" }, { select: ["subscription_id"], take: null })
  const heldIds = [...new Set(held.map((statement) => statement.subscription_id))]
  return { $or: [{ status: "failed" as const }, ...(heldIds.length ? [{ id: heldIds }] : [])] }
}

/**
 * Acronis subscriptions, newest first; filter by `status` and `type` (one or many), `customer_id`,
 * `reseller_id`, `order_id`, and `needs_attention` (failed, or a statement on hold).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { status, type, customer_id, reseller_id, order_id, needs_attention, limit, offset } =
    req.validatedQuery as AdminListAcronisSubscriptionsType
  const filters = {
    ...(status && { status }),
    ...(type && { type }),
    ...(customer_id && { customer_id }),
    ...(reseller_id && { reseller_id }),
    ...(order_id && { order_id }),
    ...(needs_attention && (await needingAttention(req))),
  }
  const { data, metadata } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters,
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ subscriptions: data, count: metadata?.count ?? data.length, limit, offset })
}
