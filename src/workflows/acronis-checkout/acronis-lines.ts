import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { normalizePlanTerms, type PlanTerms } from "../../modules/acronis/domain/plan-terms"

export type AcronisOfferType = "ppu" | "contract" | "plan"

/** What checkout needs of an offer (never unit costs). */
export type CheckoutOffer = {
  id: string
  product_id: string
  type: AcronisOfferType
  protection_models: string[]
  file_sync_share_models: string[]
  contract_tier: number | null
  /** Plans: the order form the buyer fills in. */
  plan: PlanTerms | null
  /** Plans: where the data locations are read (the parent tenant) and which storage items the offer enables. */
  parent_tenant_id: string | null
  offering_item_names: string[]
}

/** The basket's product settings of a pay-per-use line item, kept in `line_item.metadata.acronis`. */
export type AcronisSettings = {
  protection_licensing_model: string
  file_sync_share_licensing_model: string
}

/** A cart line item (existing, or about to be added) whose product is an Acronis product. */
export type AcronisLine = {
  item_id: string | null
  variant_id: string
  title: string
  quantity: number
  metadata: Record<string, unknown> | null
  offer: CheckoutOffer
}

type VariantRow = {
  id: string
  title?: string | null
  product?: {
    id: string
    title?: string | null
    acronis_offer?:
      | (Omit<CheckoutOffer, "product_id" | "plan" | "offering_item_names"> & { plan: unknown; offering_items: { name: string }[] | null })
      | null
  } | null
}

/** The Acronis offer behind each variant that has one; variants of plain products are left out. */
export async function loadOffersByVariant(
  container: MedusaContainer,
  variantIds: string[]
): Promise<Map<string, { offer: CheckoutOffer; title: string }>> {
  const offers = new Map<string, { offer: CheckoutOffer; title: string }>()
  const ids = [...new Set(variantIds.filter(Boolean))]
  if (!ids.length) {
    return offers
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product_variant",
    fields: [
      "id",
      "product.id",
      "product.title",
      "product.acronis_offer.id",
      "product.acronis_offer.type",
      "product.acronis_offer.protection_models",
      "product.acronis_offer.file_sync_share_models",
      "product.acronis_offer.contract_tier",
      "product.acronis_offer.plan",
      "product.acronis_offer.parent_tenant_id",
      "product.acronis_offer.offering_items",
    ],
    filters: { id: ids },
  })
  for (const variant of data as VariantRow[]) {
    const offer = variant.product?.acronis_offer
    if (offer && variant.product) {
      offers.set(variant.id, {
        offer: {
          id: offer.id,
          product_id: variant.product.id,
          type: offer.type,
          protection_models: offer.protection_models ?? [],
          file_sync_share_models: offer.file_sync_share_models ?? [],
          contract_tier: offer.contract_tier ?? null,
          plan: offer.type === "plan" ? normalizePlanTerms(offer.plan) : null,
          parent_tenant_id: offer.parent_tenant_id ?? null,
          offering_item_names: (offer.offering_items ?? []).map((item) => item.name),
        },
        title: variant.product.title ?? "this Acronis product",
      })
    }
  }
  return offers
}

/** The settings stored on a line item, as given (checked by the rules, not here). */
export function readSettings(metadata: Record<string, unknown> | null | undefined): Partial<AcronisSettings> | null {
  const acronis = metadata?.acronis
  return acronis && typeof acronis === "object" ? (acronis as Partial<AcronisSettings>) : null
}

/** A line item (existing, or about to be added when `id` is null) seen with its product's offer. */
export function toAcronisLine(
  item: { id: string | null; variant_id: string; title?: string | null; quantity?: unknown; metadata?: Record<string, unknown> | null },
  found: { offer: CheckoutOffer; title: string }
): AcronisLine {
  return {
    item_id: item.id,
    variant_id: item.variant_id,
    title: item.title || found.title,
    quantity: Number(item.quantity ?? 1),
    metadata: item.metadata ?? null,
    offer: found.offer,
  }
}
