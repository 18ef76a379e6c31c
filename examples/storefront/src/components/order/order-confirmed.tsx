"use client"

import type { HttpTypes } from "@medusajs/types"
import { Alert, Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { AcronisOfferBadge, AcronisProvisioningProgress, errorMessage, formatAmount, useAcronis } from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"
import { useEffect, useState } from "react"
import { lineAmount } from "@/lib/price"
import { useStore } from "@/lib/store-context"
import { useAcronisOffers } from "@/lib/use-offers"

/** Thanks, what was ordered, and the Acronis services of the order as they are set up. */
export function OrderConfirmed({ orderId }: { orderId: string }) {
  const { sdk } = useAcronis()
  const { customer } = useStore()
  const offers = useAcronisOffers()
  const [order, setOrder] = useState<HttpTypes.StoreOrder | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    sdk.store.order
      .retrieve(orderId, { fields: "*items,*billing_address,+email,+display_id,+currency_code,+total,+subtotal,+tax_total,+item_subtotal" })
      .then(({ order }) => setOrder(order))
      .catch((error) => setFailure(errorMessage(error)))
  }, [sdk, orderId])

  if (failure) return <Alert variant="error">{failure}</Alert>
  if (!order || !offers) return <Skeleton className="h-96 w-full rounded-lg" aria-busy="true" />

  const acronisItems = (order.items ?? []).filter((item) => item.product_id && offers.has(item.product_id))
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-y-6">
      <div className="flex flex-col gap-y-2">
        <Heading level="h1">Thank you, your order is placed</Heading>
        <Text className="text-ui-fg-subtle">
          Order #{order.display_id} for {order.email}.
        </Text>
      </div>

      {acronisItems.length > 0 && (
        <Container className="flex flex-col gap-y-4 p-6">
          <Heading level="h2">Your Acronis services</Heading>
          {customer ? (
            <AcronisProvisioningProgress orderId={order.id} />
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              Sign in to follow the setup of your services.
            </Text>
          )}
        </Container>
      )}

      <Container className="flex flex-col gap-y-4 p-6">
        <Heading level="h2">Summary</Heading>
        <ul className="flex flex-col gap-y-3">
          {(order.items ?? []).map((item) => {
            const offer = item.product_id ? offers.get(item.product_id) : undefined
            return (
              <li key={item.id} className="flex items-start justify-between gap-x-4">
                <div className="flex flex-col gap-y-1">
                  <Text size="small" weight="plus">
                    {item.product_title ?? item.title}
                  </Text>
                  {offer && <AcronisOfferBadge type={offer.type} className="self-start" />}
                </div>
                <Text size="small">
                  {lineAmount(offer, item.total, order.currency_code)}
                </Text>
              </li>
            )
          })}
        </ul>
        <dl className="border-ui-border-base flex flex-col gap-y-1 border-t pt-3">
          <div className="flex justify-between">
            <dt>
              <Text size="small" className="text-ui-fg-subtle">
                Taxes
              </Text>
            </dt>
            <dd>
              <Text size="small">{formatAmount(order.tax_total, order.currency_code)}</Text>
            </dd>
          </div>
          <div className="flex justify-between">
            <dt>
              <Text weight="plus">Total paid</Text>
            </dt>
            <dd>
              <Text weight="plus">{formatAmount(order.total, order.currency_code)}</Text>
            </dd>
          </div>
        </dl>
      </Container>

      <div className="flex gap-x-3">
        {customer && (
          <Button asChild variant="secondary">
            <Link href="/account">Go to your account</Link>
          </Button>
        )}
        <Button asChild variant="transparent">
          <Link href="/">Continue shopping</Link>
        </Button>
      </div>
    </div>
  )
}
