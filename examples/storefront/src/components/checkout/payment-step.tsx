"use client"

import type { HttpTypes } from "@medusajs/types"
import { Alert, Button, Label, RadioGroup, Text } from "@medusajs/ui"
import { errorMessage, useAcronis } from "medusa-plugin-acronis/storefront/react"
import { useEffect, useState } from "react"

const PROVIDER_NAMES: Record<string, { name: string; note: string }> = {
  pp_system_default: {
    name: "Test payment",
    note: "This demo store takes no card: Medusa's built-in provider records the payment. Pay-per-use usage is invoiced monthly.",
  },
}

/** The payment method: a payment session of the chosen provider on the cart's payment collection. */
export function PaymentStep({ cart, onDone }: { cart: HttpTypes.StoreCart; onDone: () => void }) {
  const { sdk } = useAcronis()
  const [providers, setProviders] = useState<HttpTypes.StorePaymentProvider[] | null>(null)
  const current = cart.payment_collection?.payment_sessions?.[0]?.provider_id
  const [chosen, setChosen] = useState<string>(current ?? "")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    sdk.store.payment
      .listPaymentProviders({ region_id: cart.region_id! })
      .then(({ payment_providers }) => {
        setProviders(payment_providers)
        if (!chosen && payment_providers.length === 1) setChosen(payment_providers[0].id)
      })
      .catch((caught) => setError(errorMessage(caught)))
  }, [sdk, cart.region_id])

  const save = async () => {
    if (!chosen) {
      setError("Choose a payment method.")
      return
    }
    setBusy(true)
    setError(null)
    try {
      await sdk.store.payment.initiatePaymentSession(cart, { provider_id: chosen })
      onDone()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  if (providers && !providers.length) {
    return <Alert variant="error">This region takes no payment method yet; choose another region or contact the shop.</Alert>
  }
  return (
    <div className="flex flex-col gap-y-4">
      <RadioGroup value={chosen} onValueChange={setChosen} aria-label="Payment method">
        {(providers ?? []).map((provider) => (
          <div key={provider.id} className="flex items-start gap-x-2">
            <RadioGroup.Item value={provider.id} id={`payment-${provider.id}`} className="mt-0.5" />
            <div className="flex flex-col">
              <Label htmlFor={`payment-${provider.id}`}>{PROVIDER_NAMES[provider.id]?.name ?? provider.id}</Label>
              {PROVIDER_NAMES[provider.id] && (
                <Text size="small" className="text-ui-fg-subtle">
                  {PROVIDER_NAMES[provider.id].note}
                </Text>
              )}
            </div>
          </div>
        ))}
      </RadioGroup>
      {error && (
        <Text size="small" role="alert" className="text-ui-fg-error">
          {error}
        </Text>
      )}
      <Button className="self-start" isLoading={busy} onClick={save} disabled={!providers}>
        Continue to review
      </Button>
    </div>
  )
}

export const paymentProviderName = (id: string | undefined) => (id ? PROVIDER_NAMES[id]?.name ?? id : "—")
