import type { MedusaRequest } from "@medusajs/framework/http"

type Sellable = { status?: string; sales_channels?: { id: string }[] | null } | null | undefined

/**
 * Whether the storefront asking may see the product: published, and in a sales channel of the request's
 * publishable key, as Medusa's own store product routes decide.
 */
export function soldToRequester(req: MedusaRequest, product: Sellable): boolean {
  const channels = (req as MedusaRequest & { publishable_key_context?: { sales_channel_ids: string[] } }).publishable_key_context
    ?.sales_channel_ids
  if (product?.status !== "published") return false
  return !channels?.length || !!product.sales_channels?.some(({ id }) => channels.includes(id))
}
