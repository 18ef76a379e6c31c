"use client"

import type { HttpTypes } from "@medusajs/types"
import { Alert, Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { AcronisOffer } from "medusa-plugin-acronis/storefront"
import { AcronisOfferBadge, AcronisOrderingFor, AddAcronisToCart, errorMessage, errorStatus, useAcronis } from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"
import { useEffect, useState } from "react"
import { priceLine } from "@/lib/price"
import { useStore } from "@/lib/store-context"

type Loaded = { product: HttpTypes.StoreProduct; offer: AcronisOffer | null }

/** A product's page: what it is, its price in the region, and how to order it (Acronis or plain). */
export function ProductDetail({ handle }: { handle: string }) {
  const { sdk, acronis } = useAcronis()
  const { region, cart, ensureCart, refreshCart } = useStore()
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (!region) return
    let current = true
    ;(async () => {
      const { products } = await sdk.store.product.list({
        handle,
        region_id: region.id,
        fields: "id,title,handle,description,subtitle,*variants.calculated_price",
      })
      const product = products[0]
      if (!product) return null
      // Not an Acronis product: a 404, and Medusa sells it as it is.
      const offer = await acronis.offers.retrieve(product.id).then(
        ({ acronis_offer }) => acronis_offer,
        (error) => {
          if (errorStatus(error) === 404) return null
          throw error
        }
      )
      return { product, offer }
    })().then(
      (result) => current && setLoaded(result),
      (error) => current && setFailure(errorMessage(error))
    )
    return () => {
      current = false
    }
  }, [sdk, acronis, handle, region])

  if (failure) return <Alert variant="error">{failure}</Alert>
  if (loaded === null) {
    return (
      <div className="flex flex-col gap-y-4">
        <Heading level="h1">Product not found</Heading>
        <Link href="/" className="text-ui-fg-interactive txt-compact-medium">
          Back to the store
        </Link>
      </div>
    )
  }
  if (!loaded || !region) {
    return (
      <div className="grid grid-cols-1 gap-10 md:grid-cols-2" aria-busy="true">
        <Skeleton className="h-48 w-full rounded-lg" />
        <Skeleton className="h-96 w-full rounded-lg" />
      </div>
    )
  }

  const { product, offer } = loaded
  const variant = product.variants?.[0]
  const currency = region.currency_code
  return (
    <div className="grid grid-cols-1 gap-10 md:grid-cols-[1fr_26rem]">
      <div className="flex flex-col gap-y-4">
        <nav aria-label="Breadcrumb">
          <Link href="/" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base">
            ← Store
          </Link>
        </nav>
        {offer ? <AcronisOfferBadge type={offer.type} className="self-start" /> : null}
        <Heading level="h1" className="txt-xlarge-plus">
          {product.title}
        </Heading>
        <Text className="text-ui-fg-subtle">{product.description}</Text>
        <Text weight="plus">{priceLine(variant, offer ?? undefined, currency)}</Text>
        {offer?.type === "ppu" && (
          <Text size="small" className="text-ui-fg-subtle">
            Your Acronis account is created when the order is placed. You choose how protection and File Sync &amp; Share are
            licensed; each month&apos;s bill follows what your devices and users consumed.
          </Text>
        )}
      </div>
      <Container className="flex flex-col gap-y-6 p-6">
        <Heading level="h2">Order</Heading>
        {offer && cart ? (
          <AcronisOrderingFor
            cartId={cart.id}
            subAccountId={(cart.metadata?.acronis_sub_account_id as string | undefined) || null}
            onChanged={() => void refreshCart()}
          />
        ) : null}
        {!variant ? (
          <Text className="text-ui-fg-subtle">This product cannot be ordered now.</Text>
        ) : offer ? (
          <AddAcronisToCart
            key={`${product.id}-${currency}`}
            offer={offer}
            variantId={variant.id}
            currencyCode={currency}
            getCartId={async () => (await ensureCart(region.id)).id}
            onAdded={() => void refreshCart()}
          />
        ) : (
          <AddPlainToCart variantId={variant.id} regionId={region.id} />
        )}
      </Container>
    </div>
  )
}

/** A plain product: Medusa's own add-to-cart. */
function AddPlainToCart({ variantId, regionId }: { variantId: string; regionId: string }) {
  const { sdk } = useAcronis()
  const { ensureCart, refreshCart } = useStore()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const add = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const cart = await ensureCart(regionId)
      await sdk.store.cart.createLineItem(cart.id, { variant_id: variantId, quantity: 1 })
      await refreshCart()
      setMessage({ ok: true, text: "Added to your cart." })
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="flex flex-col gap-y-4">
      {message && (
        <Alert variant={message.ok ? "success" : "error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </Alert>
      )}
      <Button size="large" className="w-full" isLoading={busy} onClick={add}>
        Add to cart
      </Button>
    </div>
  )
}
