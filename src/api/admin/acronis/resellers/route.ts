import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createResellerWorkflow } from "../../../../workflows/reseller"
import { resellerFields } from "./query-config"
import { retrieveResellerDetail } from "./retrieve-reseller-detail"
import type { AdminCreateResellerType, AdminListResellersType } from "./validators"

/** Resellers with the customers acting for them, newest first; `q` matches part of the name. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { q, limit, offset } = req.validatedQuery as AdminListResellersType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "reseller",
    fields: resellerFields,
    filters: q ? { name: { $ilike: `%${q}%` } } : {},
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ resellers: data, count: metadata?.count ?? data.length, limit, offset })
}

/** Makes a customer a reseller: 201 `{ reseller }`; 404 unknown customer; 400 if it already acts for one. */
export async function POST(req: MedusaRequest<AdminCreateResellerType>, res: MedusaResponse) {
  const { result } = await createResellerWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ reseller: await retrieveResellerDetail(req, result.id) })
}
