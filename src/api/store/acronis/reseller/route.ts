import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { ResellerRequest } from "../reseller-context"

/**
 * The reseller the customer acts for, with its users (the customers acting for it): the "User Directory"
 * a sub-account's notification contact is chosen from.
 */
export async function GET(req: ResellerRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [reseller] } = await query.graph({
    entity: "reseller",
    fields: ["id", "name", "status", "created_at", "customers.id", "customers.email", "customers.first_name", "customers.last_name"],
    filters: { id: req.reseller.id },
  })
  const { customers, ...rest } = reseller as typeof reseller & { customers?: unknown[] }
  res.json({ reseller: { ...rest, users: (customers ?? []).filter(Boolean) } })
}
