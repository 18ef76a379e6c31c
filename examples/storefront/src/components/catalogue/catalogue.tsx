"use client"

import type { HttpTypes } from "@medusajs/types"
import { Heading, Skeleton, Text } from "@medusajs/ui"
import type { AcronisListedOffer } from "medusa-plugin-acronis/storefront"
import { AcronisOfferBadge, errorMessage, useAcronis } from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"
import { useEffect, useState } from "react"
import { priceLine } from "@/lib/price"
import { useStore } from "@/lib/store-context"
import { useAcronisOffers } from "@/lib/use-offers"

/** Every product of the store, Acronis and plain side by side, priced in the shopper's region. */
export function Catalogue() {
  const { sdk } = useAcronis()
  const { region } = useStore()
  const [products, setProducts] = useState<HttpTypes.StoreProduct[] | null>(null)
  const offers = useAcronisOffers() ?? new Map<string, AcronisListedOffer>()
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (!region) return
    let current = true
    sdk.store.product
      .list({ limit: 50, region_id: region.id, fields: "id,title,handle,description,thumbnail,*variants.calculated_price" })
      .then(({ products }) => current && setProducts(products))
      .catch((error) => current && setFailure(errorMessage(error)))
    return () => {
      current = false
    }
  }, [sdk, region])

  const currency = region?.currency_code ?? "usd"
  // Pay per use and the services around it first, then plans, then contract tiers in their order.
  const rank = (product: HttpTypes.StoreProduct) => ({ ppu: 0, none: 1, plan: 2, contract: 3 })[offers.get(product.id)?.type ?? "none"]
  const sorted = [...(products ?? [])].sort((a, b) => rank(a) - rank(b) || (a.handle ?? "").localeCompare(b.handle ?? "", undefined, { numeric: true }))

  return (
    <div className="flex flex-col gap-y-8">
      <div className="flex flex-col gap-y-2">
        <Heading level="h1">Store</Heading>
        <Text className="text-ui-fg-subtle">Acronis Cyber Protect Cloud and the services around it. Prices in {currency.toUpperCase()}.</Text>
      </div>
      {failure && <Text className="text-ui-fg-error">{failure}</Text>}
      {!products && !failure && (
        <Text role="status" size="small" className="text-ui-fg-subtle">
          Loading products…
        </Text>
      )}
      <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3" aria-busy={!products}>
        {!products &&
          Array.from({ length: 6 }, (_, i) => (
            <li key={i}>
              <Skeleton className="h-40 w-full rounded-lg" />
            </li>
          ))}
        {sorted.map((product) => {
          const offer = offers.get(product.id)
          return (
            <li key={product.id}>
              <Link
                href={`/products/${product.handle}`}
                className="bg-ui-bg-base shadow-elevation-card-rest hover:shadow-elevation-card-hover focus-visible:shadow-borders-focus flex h-full flex-col gap-y-3 rounded-lg p-6 outline-none transition-shadow"
              >
                <div className="flex min-h-5 items-center gap-x-2">
                  {offer ? <AcronisOfferBadge type={offer.type} /> : <span className="txt-compact-xsmall-plus text-ui-fg-muted">Service</span>}
                </div>
                <Heading level="h2" className="txt-compact-large-plus">
                  {product.title}
                </Heading>
                <Text size="small" className="text-ui-fg-subtle line-clamp-3 flex-1">
                  {product.description}
                </Text>
                <Text size="small" weight="plus">
                  {priceLine(product.variants?.[0], offer, currency)}
                </Text>
              </Link>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
