"use client"

import { Alert, Button, Text } from "@medusajs/ui"
import { type FormEvent, useState } from "react"
import type { AcronisBasketSettings, AcronisOffer, AcronisPlanOrder } from "../types"
import { AcronisBasketSettingsForm, type AcronisBasketSettingsErrors, missingBasketSettings } from "./acronis-basket-settings-form"
import { AcronisContractTier } from "./acronis-contract-tier"
import {
  AcronisPlanOrderForm,
  type AcronisPlanOrderErrors,
  initialPlanOrder,
  missingPlanOrderFields,
  PLAN_ORDER_FIELDS,
} from "./acronis-plan-order-form"
import { useAcronis } from "./context"
import { errorMessage, fieldErrorMessage, refusedField } from "./errors"

const SETTING_KEYS = ["protection_licensing_model", "file_sync_share_licensing_model"] as const

type Props = {
  /** The product's offer (`acronis.offers.retrieve(productId)`). */
  offer: AcronisOffer
  variantId: string
  /** The cart's (or the chosen region's) currency: prices and commitments are shown in it. */
  currencyCode: string
  /** The cart to add to, created when there is none. */
  getCartId: () => Promise<string>
  /** After the item is in the cart, with the cart the server answered. */
  onAdded?: (cart: Record<string, any>) => void
}

/**
 * Adds an Acronis product to the cart with what its offer asks for: the licensing models of pay per use, the
 * order form of a seat plan, nothing more for a contract tier. A missing choice is shown at its field and
 * nothing is sent; a refusal naming a field is shown at that field, any other above the button.
 */
export function AddAcronisToCart({ offer, variantId, currencyCode, getCartId, onAdded }: Props) {
  const { acronis } = useAcronis()
  const [settings, setSettings] = useState<Partial<AcronisBasketSettings>>({})
  const [planOrder, setPlanOrder] = useState<AcronisPlanOrder | null>(() => (offer.plan ? initialPlanOrder(offer.plan, currencyCode) : null))
  // The interval the form shows is the one sent: the plan's first until the shopper picks another.
  const [billingInterval, setBillingInterval] = useState<"month" | "year" | undefined>(
    () => offer.plan?.billing_intervals[0] as "month" | "year" | undefined
  )
  const [settingErrors, setSettingErrors] = useState<AcronisBasketSettingsErrors>({})
  const [planErrors, setPlanErrors] = useState<AcronisPlanOrderErrors>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [added, setAdded] = useState(false)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setRefusal(null)
    setAdded(false)
    if (offer.type === "ppu") {
      const missing = missingBasketSettings(offer.settings, settings)
      setSettingErrors(missing)
      if (Object.keys(missing).length) return
    }
    if (offer.plan && planOrder) {
      const missing = missingPlanOrderFields(offer.plan, planOrder)
      setPlanErrors(missing)
      if (Object.keys(missing).length) return
    }
    setBusy(true)
    try {
      const cartId = await getCartId()
      const { cart } = await acronis.cart.addItem(cartId, {
        variant_id: variantId,
        ...(offer.type === "ppu" && { settings: settings as AcronisBasketSettings }),
        ...(offer.plan && planOrder && { plan_order: planOrder }),
        ...(offer.plan && billingInterval && { billing_interval: billingInterval }),
      })
      setAdded(true)
      onAdded?.(cart)
    } catch (error) {
      const message = errorMessage(error)
      const settingField = offer.type === "ppu" ? refusedField(error, SETTING_KEYS) : null
      const planField = offer.plan ? refusedField(error, PLAN_ORDER_FIELDS) : null
      if (settingField) setSettingErrors({ [settingField]: fieldErrorMessage(error) })
      else if (planField) setPlanErrors({ [planField]: fieldErrorMessage(error) })
      else setRefusal(message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-6" aria-label="Order options">
      {offer.type === "ppu" && (
        <AcronisBasketSettingsForm
          settings={offer.settings}
          value={settings}
          disabled={busy}
          errors={settingErrors}
          onChange={(next) => {
            setSettings(next)
            setSettingErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !next[key as keyof AcronisBasketSettings])))
          }}
        />
      )}
      {offer.contract && <AcronisContractTier contract={offer.contract} currencyCode={currencyCode} />}
      {offer.plan && planOrder && (
        <AcronisPlanOrderForm
          plan={offer.plan}
          currencyCode={currencyCode}
          value={planOrder}
          onChange={setPlanOrder}
          billingInterval={billingInterval}
          onBillingIntervalChange={setBillingInterval}
          errors={planErrors}
          disabled={busy}
        />
      )}

      <div className="flex flex-col gap-y-1">
        <Text size="small" weight="plus">
          Quantity: 1
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {offer.quantity.reason}. {offer.type === "ppu" ? "You pay each month for what you use, not by quantity." : ""}
        </Text>
      </div>

      {refusal && (
        <Alert variant="error" role="alert">
          {refusal}
        </Alert>
      )}
      {added && (
        <Alert variant="success" role="status">
          Added to your cart.
        </Alert>
      )}
      <Button type="submit" size="large" isLoading={busy} className="w-full">
        Add to cart
      </Button>
    </form>
  )
}
