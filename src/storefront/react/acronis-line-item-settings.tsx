"use client"

import { Button, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AcronisBasketSettings, AcronisOffer } from "../types"
import { AcronisBasketSettingsForm, type AcronisBasketSettingsErrors, missingBasketSettings } from "./acronis-basket-settings-form"
import { useAcronis } from "./context"
import { errorMessage, fieldErrorMessage, refusedField } from "./errors"
import { formatAmount } from "./money"

type LineItem = { id: string; metadata?: Record<string, unknown> | null }

type Props = {
  cartId: string
  item: LineItem
  /** The offer of the line's product. */
  offer: AcronisOffer
  currencyCode: string
  /** After a change was saved, with the cart the server answered. */
  onChanged?: (cart: Record<string, any>) => void
}

const SETTING_KEYS = ["protection_licensing_model", "file_sync_share_licensing_model"] as const

/**
 * What an Acronis line of the cart was ordered with: a pay-per-use line's licensing models, changeable here
 * (the basket rules check them again); a plan's order form and a contract's tier, as read-only facts.
 */
export function AcronisLineItemSettings({ cartId, item, offer, currencyCode, onChanged }: Props) {
  const { acronis } = useAcronis()
  const saved = (item.metadata?.acronis ?? {}) as Partial<AcronisBasketSettings>
  const [value, setValue] = useState<Partial<AcronisBasketSettings>>(saved)
  const [errors, setErrors] = useState<AcronisBasketSettingsErrors>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  useEffect(() => setValue(saved), [saved.protection_licensing_model, saved.file_sync_share_licensing_model])

  if (offer.type === "contract" && offer.contract) {
    const minimum = offer.contract.minimum_monthly_commitment[currencyCode.toLowerCase()]
    return (
      <Text size="small" className="text-ui-fg-subtle">
        Tier {offer.contract.tier} · minimum commitment {typeof minimum === "number" && minimum > 0 ? `${formatAmount(minimum, currencyCode)} a month` : "none"}
      </Text>
    )
  }
  if (offer.type === "plan") {
    const order = item.metadata?.plan_order as Record<string, any> | undefined
    const interval = (item.metadata?.acronis as { billing_interval?: string } | undefined)?.billing_interval
    if (!order) return null
    const facts = [
      order.deployment === "saas" ? "SaaS" : "Cloud",
      order.payment === "pre_paid" ? "pre-paid" : "post-paid",
      // The package's name as the offer shows it ("Team (10 users)"), not its id.
      (offer.plan?.fields.package as { options?: { value: string; label: string }[] } | undefined)?.options?.find((pkg) => pkg.value === order.package)?.label ??
        order.package,
      interval ? `billed ${interval === "year" ? "yearly" : "monthly"}` : null,
      order.domain,
      order.postponed_billing ? "first month free" : null,
    ].filter(Boolean)
    return (
      <Text size="small" className="text-ui-fg-subtle">
        {facts.join(" · ")}
      </Text>
    )
  }

  const changed = SETTING_KEYS.some((key) => value[key] !== saved[key])
  const save = async () => {
    setRefusal(null)
    setDone(false)
    const missing = missingBasketSettings(offer.settings, value)
    setErrors(missing)
    if (Object.keys(missing).length) return
    setBusy(true)
    try {
      const { cart } = await acronis.cart.setBasketSettings(cartId, item.id, value as AcronisBasketSettings)
      setDone(true)
      onChanged?.(cart)
    } catch (error) {
      const field = refusedField(error, SETTING_KEYS)
      if (field) setErrors({ [field]: fieldErrorMessage(error) })
      else setRefusal(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <AcronisBasketSettingsForm compact settings={offer.settings} value={value} onChange={setValue} errors={errors} disabled={busy} />
      {refusal && (
        <Text size="small" role="alert" className="text-ui-fg-error">
          {refusal}
        </Text>
      )}
      {done && !changed && (
        <Text size="small" role="status" className="text-ui-fg-subtle">
          Licensing models saved.
        </Text>
      )}
      {changed && (
        <Button type="button" size="small" variant="secondary" className="self-start" isLoading={busy} onClick={save}>
          Save licensing models
        </Button>
      )}
    </div>
  )
}
