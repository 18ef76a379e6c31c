import { createRemoteLinkStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../modules/acronis"
import { AcronisOfferData, upsertAcronisOfferStep } from "./steps/upsert-acronis-offer"
import {
  ValidateOfferAgainstCatalogueInput,
  validateOfferAgainstCatalogueStep,
} from "./steps/validate-offer-against-catalogue"

export type UpsertAcronisOfferWorkflowInput = {
  product_id: string
  offer: AcronisOfferData & {
    offering_items: { name: string; edition: string | null }[]
    unit_prices: Record<string, Record<string, number>>
    parent_tenant_id: string | null
  }
}

export const upsertAcronisOfferWorkflowId = "upsert-acronis-offer"

/**
 * Makes a product an Acronis product, or changes how it maps to Acronis. The offer is checked against the
 * Acronis catalogue first, so a bad offer is refused with the field at fault and nothing is written.
 */
export const upsertAcronisOfferWorkflow = createWorkflow(
  upsertAcronisOfferWorkflowId,
  (input: UpsertAcronisOfferWorkflowInput) => {
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: ["id", "acronis_offer.id"],
      filters: { id: input.product_id },
      options: { throwIfKeyNotFound: true },
    })

    const catalogueInput = transform({ input }, ({ input }) => input.offer as ValidateOfferAgainstCatalogueInput)
    validateOfferAgainstCatalogueStep(catalogueInput)

    const existingOfferId = transform({ products }, ({ products }) => {
      const [product] = products as { acronis_offer?: { id: string } | null }[]
      return product?.acronis_offer?.id ?? null
    })
    const result = upsertAcronisOfferStep({ existing_offer_id: existingOfferId, offer: input.offer })

    when("link-new-acronis-offer", { result }, ({ result }) => result.created).then(() => {
      const links = transform({ input, result }, ({ input, result }) => [
        {
          [Modules.PRODUCT]: { product_id: input.product_id },
          [ACRONIS_MODULE]: { acronis_offer_id: result.offer.id },
        },
      ])
      createRemoteLinkStep(links)
    })

    return new WorkflowResponse(result.offer)
  }
)
