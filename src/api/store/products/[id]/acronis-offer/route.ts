import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../../../../modules/acronis"
import type AcronisModuleService from "../../../../../modules/acronis/service"
import { toStoreOfferView } from "../../../../../modules/acronis/domain/store-offer-view"
import { planDataLocationsOf } from "../../../../plan-data-locations"
import { soldToRequester } from "../../../acronis/sales-channels"

/**
 * The offer of a product as a shopper sees it: what the basket must ask for, and nothing internal. A product
 * outside the publishable key's sales channels is not found, as in Medusa's own product route.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status", "sales_channels.id", "acronis_offer.*"],
    filters: { id: req.params.id },
  })
  const product = data[0] as { status: string; sales_channels?: { id: string }[]; acronis_offer?: unknown } | undefined
  if (!product?.acronis_offer || !soldToRequester(req, product)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} is not an Acronis product`)
  }
  const mapping = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE).getEditionMapping()
  const offer = product.acronis_offer as Parameters<typeof toStoreOfferView>[0] & Parameters<typeof planDataLocationsOf>[1]
  res.json({ acronis_offer: toStoreOfferView(offer, mapping, await planDataLocationsOf(req.scope, offer)) })
}
