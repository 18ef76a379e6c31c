"use client"

import type { HttpTypes } from "@medusajs/types"
import { Alert, Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { AcronisLineItemSettings, AcronisOfferBadge, AcronisOrderingFor, errorMessage, useAcronis } from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"
import { useState } from "react"
import { lineAmount } from "@/lib/price"
import { useStore } from "@/lib/store-context"
import { useAcronisOffers } from "@/lib/use-offers"
import { CartTotals } from "./cart-totals"

/** The cart: each line (an Acronis line with its settings), remove, totals and the way to checkout. */
export function CartView() {
  const { cart, cartReady, customer, refreshCart } = useStore()
  const offers = useAcronisOffers()

  const items = [...(cart?.items ?? [])].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
  if (!cart || !items.length) {
    return (
      <div className="flex flex-col gap-y-4">
        <Heading level="h1">Cart</Heading>
        {!cartReady ? (
          <Skeleton className="h-32 w-full rounded-lg" />
        ) : (
          <>
            <Text className="text-ui-fg-subtle">Your cart is empty.</Text>
            <Link href="/" className="text-ui-fg-interactive txt-compact-medium hover:underline">
              Browse the store
            </Link>
          </>
        )}
      </div>
    )
  }

  const hasAcronis = items.some((item) => item.product_id && offers?.has(item.product_id))
  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="flex flex-col gap-y-6">
        <Heading level="h1">Cart</Heading>
        {hasAcronis ? (
          <AcronisOrderingFor
            cartId={cart.id}
            subAccountId={(cart.metadata?.acronis_sub_account_id as string | undefined) || null}
            onChanged={() => void refreshCart()}
          />
        ) : null}
        <ul className="flex flex-col gap-y-4" aria-label="Items in your cart">
          {items.map((item) => (
            <CartLine key={item.id} cart={cart} item={item} offers={offers} onChanged={() => void refreshCart()} />
          ))}
        </ul>
      </div>
      <Container className="flex h-fit flex-col gap-y-6 p-6">
        <Heading level="h2">Summary</Heading>
        <CartTotals cart={cart} billedByUsage={items.some((item) => item.product_id && offers?.get(item.product_id)?.type === "ppu")} />
        {hasAcronis && customer === null && (
          <Text size="small" className="text-ui-fg-subtle">
            Acronis services are bought with an account: you sign in or register at checkout.
          </Text>
        )}
        <Button asChild size="large" className="w-full">
          <Link href="/checkout">Checkout</Link>
        </Button>
      </Container>
    </div>
  )
}

function CartLine({
  cart,
  item,
  offers,
  onChanged,
}: {
  cart: HttpTypes.StoreCart
  item: HttpTypes.StoreCartLineItem
  offers: ReturnType<typeof useAcronisOffers>
  onChanged: () => void
}) {
  const { sdk } = useAcronis()
  const offer = item.product_id ? offers?.get(item.product_id) : undefined
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const remove = async () => {
    setBusy(true)
    setRefusal(null)
    try {
      await sdk.store.cart.deleteLineItem(cart.id, item.id)
      onChanged()
    } catch (error) {
      setRefusal(errorMessage(error))
      setBusy(false)
    }
  }
  const headingId = `line-${item.id}`
  return (
    <li aria-labelledby={headingId}>
      <Container className="flex flex-col gap-y-4 p-6">
        <div className="flex items-start justify-between gap-x-4">
          <div className="flex flex-col gap-y-1">
            {offer && <AcronisOfferBadge type={offer.type} className="self-start" />}
            <Heading level="h2" id={headingId} className="txt-compact-large-plus">
              {item.product_title ?? item.title}
            </Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {offer ? "Quantity 1 · one subscription" : `${item.variant_title ?? ""} · quantity ${item.quantity}`}
            </Text>
          </div>
          <div className="flex flex-col items-end gap-y-2">
            <Text weight="plus">{lineAmount(offer, item.total ?? item.subtotal, cart.currency_code)}</Text>
            <Button variant="transparent" size="small" isLoading={busy} onClick={remove} aria-label={`Remove ${item.product_title ?? item.title}`}>
              Remove
            </Button>
          </div>
        </div>
        {offer && (
          <AcronisLineItemSettings cartId={cart.id} item={item} offer={offer} currencyCode={cart.currency_code} onChanged={onChanged} />
        )}
        {refusal && (
          <Alert variant="error" role="alert">
            {refusal}
          </Alert>
        )}
      </Container>
    </li>
  )
}
