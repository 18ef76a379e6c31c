import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import type AcronisModuleService from "../../../../modules/acronis/service"
import { toStoreOfferView } from "../../../../modules/acronis/domain/store-offer-view"
import { planDataLocationsOf } from "../../../plan-data-locations"
import { soldToRequester } from "../sales-channels"

type OfferWithProduct = Parameters<typeof toStoreOfferView>[0] & {
  product?: { id: string; title: string; handle: string; status: string; sales_channels?: { id: string }[] } | null
}

/**
 * Every Acronis product the storefront may sell, with its offer as a shopper sees it: published, and in the
 * sales channels of the request's publishable key.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "acronis_offer",
    fields: ["*", "product.id", "product.title", "product.handle", "product.status", "product.sales_channels.id"],
  })
  const mapping = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE).getEditionMapping()
  const sold = (data as OfferWithProduct[]).filter(({ product }) => soldToRequester(req, product))
  const offers = (
    await Promise.all(
      sold.map(async (offer) => ({
        // A contract's tier change names the offer to move to.
        offer_id: offer.id,
        product_id: offer.product!.id,
        product_title: offer.product!.title,
        product_handle: offer.product!.handle,
        ...toStoreOfferView(offer, mapping, await planDataLocationsOf(req.scope, offer)),
      }))
    )
  )
    .sort((a, b) => a.product_title.localeCompare(b.product_title, "en", { numeric: true }))
  res.json({ acronis_offers: offers, count: offers.length })
}
