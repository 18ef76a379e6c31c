"use client"

import type { HttpTypes } from "@medusajs/types"
import { Alert, Button, Label, RadioGroup, Text } from "@medusajs/ui"
import { errorMessage, formatAmount, useAcronis } from "medusa-plugin-acronis/storefront/react"
import { useEffect, useState } from "react"

/** Delivery of the items that need shipping (Acronis services never do): to the billing address. */
export function DeliveryStep({ cart, onDone }: { cart: HttpTypes.StoreCart; onDone: () => void }) {
  const { sdk } = useAcronis()
  const [options, setOptions] = useState<HttpTypes.StoreCartShippingOption[] | null>(null)
  const [chosen, setChosen] = useState<string>(cart.shipping_methods?.[0]?.shipping_option_id ?? "")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    sdk.store.fulfillment
      .listCartOptions({ cart_id: cart.id })
      .then(({ shipping_options }) => setOptions(shipping_options))
      .catch((caught) => setError(errorMessage(caught)))
  }, [sdk, cart.id])

  const save = async () => {
    if (!chosen) {
      setError("Choose a delivery method.")
      return
    }
    setBusy(true)
    setError(null)
    try {
      if (!cart.shipping_address?.address_1 && cart.billing_address) {
        const { first_name, last_name, company, address_1, address_2, city, postal_code, province, country_code, phone } = cart.billing_address
        const address = { first_name, last_name, company, address_1, address_2, city, postal_code, province, country_code, phone }
        await sdk.store.cart.update(cart.id, {
          shipping_address: Object.fromEntries(Object.entries(address).filter(([, value]) => value != null)),
        })
      }
      await sdk.store.cart.addShippingMethod(cart.id, { option_id: chosen })
      onDone()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  if (options && !options.length) {
    return <Alert variant="warning">No delivery method reaches this address. Change the billing address or remove the items that need shipping.</Alert>
  }
  return (
    <div className="flex flex-col gap-y-4">
      <Text size="small" className="text-ui-fg-subtle">
        Delivered to your billing address.
      </Text>
      <RadioGroup value={chosen} onValueChange={setChosen} aria-label="Delivery method">
        {(options ?? []).map((option) => (
          <div key={option.id} className="flex items-center gap-x-2">
            <RadioGroup.Item value={option.id} id={`shipping-${option.id}`} />
            <Label htmlFor={`shipping-${option.id}`}>
              {option.name} · {formatAmount(option.amount, cart.currency_code)}
            </Label>
          </div>
        ))}
      </RadioGroup>
      {error && (
        <Text size="small" role="alert" className="text-ui-fg-error">
          {error}
        </Text>
      )}
      <Button className="self-start" isLoading={busy} onClick={save} disabled={!options}>
        Continue
      </Button>
    </div>
  )
}
