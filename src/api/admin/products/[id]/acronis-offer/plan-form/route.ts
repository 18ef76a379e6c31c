import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { normalizePlanTerms } from "../../../../../../modules/acronis/domain/plan-terms"
import { toStorePlanForm } from "../../../../../../modules/acronis/domain/store-offer-view"
import { planDataLocationsOf } from "../../../../../plan-data-locations"

/**
 * `{ plan_form }`: a plan's order form for the admin's wizard, the same object the store view gives a shopper
 * (`acronis_offer.plan`), with the data locations Acronis offers now. What the account manager picks is the
 * `plan_order` of `POST /admin/acronis/customer-orders`.
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["id", "title", "acronis_offer.*"], filters: { id: req.params.id } })
  const product = data[0] as { title: string; acronis_offer?: Parameters<typeof planDataLocationsOf>[1] | null } | undefined
  if (!product) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${req.params.id} was not found`)
  }
  const offer = product.acronis_offer
  if (offer?.type !== "plan") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `id: ${product.title} is ${offer ? `sold as ${offer.type === "ppu" ? "pay per use" : "a CSP contract"}` : "not an Acronis product"}, not as a plan: it has no order form.`
    )
  }
  res.json({ plan_form: toStorePlanForm(normalizePlanTerms(offer.plan), await planDataLocationsOf(req.scope, offer)) })
}
