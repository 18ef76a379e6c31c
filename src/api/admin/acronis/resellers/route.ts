import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createResellerWorkflow } from "../../../../workflows/reseller"
import { resellerListFields } from "./query-config"
import { retrieveResellerDetail } from "./retrieve-reseller-detail"
import type { AdminCreateResellerType, AdminListResellersType } from "./validators"

/**
 * Resellers with the customers acting for them and their sub-accounts' states, newest first; `q` matches part
 * of the name, `status` filters, `customer_id` gives the one that customer acts for (an empty list when none).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { q, status, customer_id, limit, offset } = req.validatedQuery as AdminListResellersType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // A filter on a linked record is read from the customer's side of the link.
  const actsFor = customer_id
    ? (await query.graph({ entity: "customer", fields: ["id", "reseller.id"], filters: { id: customer_id } })).data.flatMap(
        (customer) => ((customer as { reseller?: { id: string } | null }).reseller ? [(customer as { reseller: { id: string } }).reseller.id] : [])
      )
    : null
  const { data, metadata } = await query.graph({
    entity: "reseller",
    fields: resellerListFields,
    filters: { ...(q && { name: { $ilike: `%${q}%` } }), ...(status && { status }), ...(actsFor && { id: actsFor }) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ resellers: data, count: metadata?.count ?? data.length, limit, offset })
}

/** Makes a customer a reseller: 201 `{ reseller }`; 404 unknown customer; 400 if it already acts for one. */
export async function POST(req: MedusaRequest<AdminCreateResellerType>, res: MedusaResponse) {
  const { result } = await createResellerWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ reseller: await retrieveResellerDetail(req, result.id) })
}
