"use client"

import type { HttpTypes } from "@medusajs/types"
import { Alert, Button, Container, Heading, Skeleton, Text } from "@medusajs/ui"
import type { AcronisCheckout, AcronisCheckoutStep } from "medusa-plugin-acronis/storefront"
import {
  AcronisBillingCheck,
  AcronisServiceDetailsStep,
  AcronisTermsStep,
  errorMessage,
  useAcronis,
} from "medusa-plugin-acronis/storefront/react"
import Link from "next/link"
import { useRouter, useSearchParams } from "next/navigation"
import { useCallback, useEffect, useState } from "react"
import { CartTotals } from "@/components/cart/cart-totals"
import { lineAmount } from "@/lib/price"
import { useStore } from "@/lib/store-context"
import { DeliveryStep } from "./delivery-step"
import { PaymentStep, paymentProviderName } from "./payment-step"
import { StepSection } from "./step-section"

const CHECKOUT_CART_FIELDS =
  "*items,*items.product,*items.variant,+items.metadata,+items.requires_shipping,*region,*region.countries,*shipping_methods," +
  "*billing_address,*shipping_address,*payment_collection,*payment_collection.payment_sessions,+metadata,+email,+customer_id"

type StepId = "terms" | "billing" | "service_details" | "delivery" | "payment" | "review"
type Step = { id: StepId; title: string; done: boolean }

const acronisStep = <N extends AcronisCheckoutStep["step"]>(state: AcronisCheckout | null, name: N) =>
  state?.steps.find((step) => step.step === name) as Extract<AcronisCheckoutStep, { step: N }> | undefined

/**
 * One page, one section per step as in Medusa's starter: the Acronis steps (terms, billing check, service
 * details) come from the cart's Acronis checkout; delivery only when an item needs shipping; then payment and
 * review. `?step=` opens a done step again to change it.
 */
export function Checkout() {
  const { sdk, acronis } = useAcronis()
  const { cart: openCart, cartReady, customer, clearCart, refreshCart } = useStore()
  const router = useRouter()
  const asked = useSearchParams().get("step") as StepId | null
  const [cart, setCart] = useState<HttpTypes.StoreCart | null>(null)
  const [state, setState] = useState<AcronisCheckout | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  // Once placed, the cart is gone: say where the shopper is going rather than "your cart is empty".
  const [placed, setPlaced] = useState(false)

  const load = useCallback(async () => {
    if (!openCart) return
    try {
      const [{ cart }, { acronis_checkout }] = await Promise.all([
        sdk.store.cart.retrieve(openCart.id, { fields: CHECKOUT_CART_FIELDS }),
        acronis.checkout.state(openCart.id),
      ])
      setCart(cart)
      setState(acronis_checkout)
      setFailure(null)
    } catch (error) {
      setFailure(errorMessage(error))
    }
    // The header's region picker moves the open cart to another region (new currency, totals, payment): load again.
  }, [sdk, acronis, openCart?.id, openCart?.region_id])

  useEffect(() => {
    void load()
  }, [load])

  // Acronis services are bought by a customer: a guest signs in (or registers) and comes back here.
  useEffect(() => {
    if (state?.has_acronis_items && customer === null) {
      router.replace(`/account/sign-in?next=${encodeURIComponent("/checkout")}`)
    }
  }, [state?.has_acronis_items, customer, router])

  if (placed) {
    return (
      <Text role="status" className="text-ui-fg-subtle">
        Order placed. Opening your order…
      </Text>
    )
  }
  if (cartReady && !openCart) {
    return (
      <div className="flex flex-col gap-y-4">
        <Heading level="h1">Checkout</Heading>
        <Text className="text-ui-fg-subtle">Your cart is empty.</Text>
        <Link href="/" className="text-ui-fg-interactive txt-compact-medium hover:underline">
          Browse the store
        </Link>
      </div>
    )
  }
  if (failure) return <Alert variant="error">{failure}</Alert>
  if (!cart || !state || customer === undefined || (state.has_acronis_items && !customer)) {
    return <Skeleton className="h-96 w-full rounded-lg" aria-busy="true" />
  }

  const terms = acronisStep(state, "terms")
  const billing = acronisStep(state, "billing")
  const details = acronisStep(state, "service_details")
  const needsShipping = (cart.items ?? []).some((item) => item.requires_shipping)
  const hasPayment = !!cart.payment_collection?.payment_sessions?.length
  const billingDone = state.has_acronis_items ? !!billing?.completed : !!cart.billing_address?.address_1 && !!cart.email

  const steps: Step[] = [
    ...(terms ? [{ id: "terms" as const, title: "Terms of use", done: terms.completed }] : []),
    { id: "billing", title: "Billing address", done: billingDone },
    ...(details?.required ? [{ id: "service_details" as const, title: "Service details", done: details.completed }] : []),
    ...(needsShipping ? [{ id: "delivery" as const, title: "Delivery", done: !!cart.shipping_methods?.length }] : []),
    { id: "payment", title: "Payment", done: hasPayment },
    { id: "review", title: "Review and place order", done: false },
  ]
  const firstOpen = steps.find((step) => !step.done) ?? steps[steps.length - 1]
  const firstOpenIndex = steps.indexOf(firstOpen)
  // A done step (or the first not done) may be opened; a later one waits for those before it.
  const askedIndex = steps.findIndex((step) => step.id === asked)
  const current = askedIndex >= 0 && askedIndex <= firstOpenIndex ? steps[askedIndex] : firstOpen

  const next = async () => {
    await load()
    await refreshCart()
    router.push("/checkout")
  }

  const billingAddress = cart.billing_address
  const section = (step: Step, index: number, body: JSX.Element, summary?: JSX.Element) => (
    <StepSection key={step.id} id={step.id} number={index + 1} title={step.title} open={current.id === step.id} done={step.done} summary={summary}>
      {body}
    </StepSection>
  )

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[1fr_22rem]">
      <div className="flex flex-col gap-y-6">
        <Heading level="h1">Checkout</Heading>
        {steps.map((step, index) => {
          switch (step.id) {
            case "terms":
              return section(
                step,
                index,
                <AcronisTermsStep cartId={cart.id} step={terms!} onAccepted={next} />,
                <Text size="small">Accepted version {terms!.terms_version}.</Text>
              )
            case "billing":
              return section(
                step,
                index,
                <AcronisBillingCheck
                  cart={cart as Parameters<typeof AcronisBillingCheck>[0]["cart"]}
                  countries={(cart.region?.countries ?? []).map((c) => ({ iso_2: c.iso_2!, display_name: c.display_name ?? c.iso_2! }))}
                  missing={billing?.missing}
                  askEmail={!cart.email}
                  onSaved={next}
                />,
                <Text size="small">
                  {[
                    [billingAddress?.first_name, billingAddress?.last_name].filter(Boolean).join(" "),
                    billingAddress?.company,
                    billingAddress?.address_1,
                    [billingAddress?.postal_code, billingAddress?.city].filter(Boolean).join(" "),
                    billingAddress?.country_code?.toUpperCase(),
                  ]
                    .filter(Boolean)
                    .join(", ")}
                </Text>
              )
            case "service_details":
              return section(
                step,
                index,
                <AcronisServiceDetailsStep
                  cartId={cart.id}
                  step={details!}
                  defaultEmail={customer?.email ?? cart.email ?? undefined}
                  proposalFrom={planAdministrator(cart)}
                  onSaved={next}
                />,
                <Text size="small">
                  Login {details!.login} · activation e-mail to {details!.email}
                </Text>
              )
            case "delivery":
              return section(
                step,
                index,
                <DeliveryStep cart={cart} onDone={next} />,
                <Text size="small">{cart.shipping_methods?.map((method) => method.name).join(", ")}</Text>
              )
            case "payment":
              return section(
                step,
                index,
                <PaymentStep cart={cart} onDone={next} />,
                <Text size="small">{paymentProviderName(cart.payment_collection?.payment_sessions?.[0]?.provider_id)}</Text>
              )
            case "review":
              return section(
                step,
                index,
                <ReviewStep
                  cart={cart}
                  state={state}
                  ready={steps.every((s) => s.id === "review" || s.done)}
                  onPlaced={(orderId) => {
                    setPlaced(true)
                    router.push(`/order/${orderId}/confirmed`)
                    clearCart()
                  }}
                />
              )
          }
        })}
      </div>
      <Container className="flex h-fit flex-col gap-y-4 p-6">
        <Heading level="h2">In your cart</Heading>
        <ul className="flex flex-col gap-y-2">
          {(cart.items ?? []).map((item) => (
            <li key={item.id} className="flex justify-between gap-x-4">
              <Text size="small">{item.product_title ?? item.title}</Text>
              <Text size="small" className="text-ui-fg-subtle shrink-0 whitespace-nowrap">
                {lineAmount(state.items.find((line) => line.line_item_id === item.id), item.total, cart.currency_code)}
              </Text>
            </li>
          ))}
        </ul>
        <CartTotals cart={cart} billedByUsage={state.items.some((line) => line.type === "ppu")} />
        {!state.has_acronis_items || details?.required !== false ? null : (
          <Text size="small" className="text-ui-fg-subtle">
            Your existing Acronis account gets these services; no new login is needed.
          </Text>
        )}
      </Container>
    </div>
  )
}

/** A seat plan's administrator and domain from its order form, for a login proposal. */
function planAdministrator(cart: HttpTypes.StoreCart) {
  const order = cart.items?.map((item) => item.metadata?.plan_order as { admin_username?: string; domain?: string } | undefined).find((o) => o?.domain)
  return order?.domain ? { username: order.admin_username, domain: order.domain } : undefined
}

/** The step a completion refusal names (`Checkout step "service_details" …`), to send the shopper back to it. */
const refusedStep = (message: string) => message.match(/Checkout step "(terms|billing|service_details)"/)?.[1] ?? null

function ReviewStep({
  cart,
  state,
  ready,
  onPlaced,
}: {
  cart: HttpTypes.StoreCart
  state: AcronisCheckout
  ready: boolean
  onPlaced: (orderId: string) => void
}) {
  const { sdk } = useAcronis()
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const canPlace = ready && (!state.has_acronis_items || state.ready)

  const place = async () => {
    setBusy(true)
    setRefusal(null)
    try {
      const result = await sdk.store.cart.complete(cart.id)
      if (result.type === "order") {
        onPlaced(result.order.id)
        return
      }
      setRefusal(result.error?.message ?? "The order could not be placed. Check the steps above and try again.")
    } catch (error) {
      setRefusal(errorMessage(error))
    }
    setBusy(false)
  }

  return (
    <div className="flex flex-col gap-y-4">
      <Text size="small" className="text-ui-fg-subtle">
        By placing the order you buy the items in your cart
        {state.has_acronis_items ? "; your Acronis services are set up right after, and you can follow their progress on the next page" : ""}.
      </Text>
      {refusal && (
        <Alert variant="error" role="alert">
          <span className="font-medium">The order was not placed.</span> {refusal}
          {refusedStep(refusal) && (
            <>
              {" "}
              <Link href={`/checkout?step=${refusedStep(refusal)}`} className="underline">
                Go to that step
              </Link>
            </>
          )}
        </Alert>
      )}
      <Button size="large" className="self-start" isLoading={busy} disabled={!canPlace} onClick={place}>
        Place order
      </Button>
      {!canPlace && (
        <Text size="small" className="text-ui-fg-subtle">
          Complete every step above to place the order.
        </Text>
      )}
    </div>
  )
}
