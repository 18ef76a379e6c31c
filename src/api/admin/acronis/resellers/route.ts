import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createResellerWorkflow } from "../../../../workflows/reseller"
import { retrieveResellerDetail } from "./retrieve-reseller-detail"
import type { AdminCreateResellerType, AdminListResellersType } from "./validators"

/**
 * Resellers with the customers acting for them and their sub-accounts' states, newest first unless `order`
 * says otherwise; `q` matches part of the name, `status` filters, `customer_id` gives the one that customer
 * acts for (an empty list when none). `fields`, `limit` and `offset` as in Medusa's own lists.
 */
export async function GET(req: MedusaRequest<unknown, AdminListResellersType>, res: MedusaResponse) {
  const { q, status, customer_id } = req.validatedQuery
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  // A filter on a linked record is read from the customer's side of the link.
  const actsFor = customer_id
    ? (await query.graph({ entity: "customer", fields: ["id", "reseller.id"], filters: { id: customer_id } })).data.flatMap(
        (customer) => ((customer as { reseller?: { id: string } | null }).reseller ? [(customer as { reseller: { id: string } }).reseller.id] : [])
      )
    : null
  const { data, metadata } = await query.graph({
    entity: "reseller",
    fields: req.queryConfig.fields,
    filters: { ...(q && { name: { $ilike: `%${q}%` } }), ...(status && { status }), ...(actsFor && { id: actsFor }) },
    pagination: req.queryConfig.pagination,
  })
  const { skip: offset, take: limit } = req.queryConfig.pagination
  res.json({ resellers: data, count: metadata?.count ?? data.length, limit, offset })
}

/** Makes a customer a reseller: 201 `{ reseller }`; 404 unknown customer; 400 if it already acts for one. */
export async function POST(req: MedusaRequest<AdminCreateResellerType>, res: MedusaResponse) {
  const { result } = await createResellerWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ reseller: await retrieveResellerDetail(req, result.id) })
}
