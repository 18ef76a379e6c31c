import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { toStoreOfferView } from "../../../../../modules/acronis/domain/store-offer-view"

/** The offer of a product as a shopper sees it: what the basket must ask for, and nothing internal. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "status", "acronis_offer.*"],
    filters: { id: req.params.id, status: "published" },
  })
  const offer = (data[0] as Record<string, unknown> | undefined)?.acronis_offer
  if (!offer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} is not an Acronis product`)
  }
  res.json({ acronis_offer: toStoreOfferView(offer as Parameters<typeof toStoreOfferView>[0]) })
}
