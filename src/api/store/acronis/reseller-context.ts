import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** A store request from a customer who acts for a reseller; `reseller` is set by `requireReseller`. */
export type ResellerRequest<Body = unknown> = AuthenticatedMedusaRequest<Body> & {
  reseller: { id: string; name: string }
}

/**
 * After `authenticate("customer", …)`: finds the reseller the customer acts for, or answers 403. Every
 * reseller route then scopes its reads and writes to `req.reseller.id`.
 */
export async function requireReseller(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [customer] } = await query.graph({
    entity: "customer",
    fields: ["id", "reseller.id", "reseller.name", "reseller.status"],
    filters: { id: req.auth_context.actor_id },
  })
  const reseller = (customer as { reseller?: { id: string; name: string; status: string } | null } | undefined)?.reseller
  if (!reseller) {
    return next(
      new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "Your customer account does not act for a reseller. Ask the shop to set your company up as a reseller."
      )
    )
  }
  if (reseller.status !== "active") {
    return next(new MedusaError(MedusaError.Types.FORBIDDEN, `Reseller "${reseller.name}" is disabled; contact the shop.`))
  }
  ;(req as ResellerRequest).reseller = { id: reseller.id, name: reseller.name }
  next()
}
