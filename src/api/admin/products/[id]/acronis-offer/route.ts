import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deleteAcronisOfferWorkflow, upsertAcronisOfferWorkflow } from "../../../../../workflows/acronis-offer"
import { AdminUpsertAcronisOfferType } from "./validators"

async function findProductOffer(req: AuthenticatedMedusaRequest, productId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "acronis_offer.*"],
    filters: { id: productId },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product with id: ${productId} was not found`)
  }
  return ((data[0] as Record<string, unknown>).acronis_offer ?? null) as { id: string } | null
}

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  res.json({ acronis_offer: await findProductOffer(req, req.params.id) })
}

export async function POST(req: AuthenticatedMedusaRequest<AdminUpsertAcronisOfferType>, res: MedusaResponse) {
  await upsertAcronisOfferWorkflow(req.scope).run({
    input: { product_id: req.params.id, offer: req.validatedBody },
  })
  res.json({ acronis_offer: await findProductOffer(req, req.params.id) })
}

export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const offer = await findProductOffer(req, req.params.id)
  if (!offer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${req.params.id} has no Acronis offer`)
  }
  await deleteAcronisOfferWorkflow(req.scope).run({ input: { product_id: req.params.id, offer_id: offer.id } })
  res.json({ id: offer.id, object: "acronis_offer", deleted: true })
}
