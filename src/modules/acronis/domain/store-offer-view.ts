import { EditionMapping, PRODUCT_SETTINGS } from "./licensing"

type Offer = {
  id: string
  type: "ppu" | "contract" | "plan"
  protection_models: string[]
  file_sync_share_models: string[]
  services: string[]
  contract_tier: number | null
  commitments: Record<string, unknown> | null
  plan: Record<string, unknown> | null
}

export type StoreOfferSetting = {
  key: keyof typeof PRODUCT_SETTINGS
  label: string
  required: true
  /** `edition`: the Acronis edition the model is sold as (the merchant's mapping), so nothing is mapped unseen. */
  options: { value: string; label: string; description: string; edition: string }[]
}

/** Each basket setting and the service whose edition mapping it reads. */
const SETTING_SERVICE = { protection_licensing_model: "protection", file_sync_share_licensing_model: "file_sync_share" } as const

/**
 * What a shopper may see of an offer: its type, the settings the basket must ask for with their labels and
 * descriptions, the quantity rule, and the public terms (tier, commitment, plan). Never tenant ids, unit
 * costs or provisioning details.
 */
export function toStoreOfferView(offer: Offer, mapping: EditionMapping) {
  const setting = (key: StoreOfferSetting["key"], values: string[]): StoreOfferSetting => {
    const definition = PRODUCT_SETTINGS[key]
    const options = definition.options as Record<string, { label: string; description: string }>
    const editions = mapping[SETTING_SERVICE[key]] as Record<string, string>
    return {
      key,
      label: definition.label,
      required: true,
      options: values.map((value) => ({ value, ...options[value], edition: editions[value] })),
    }
  }
  const plan = offer.plan as null | {
    deployment: string
    payment: string
    billing_intervals: string[]
    data_centers: string[]
    postponed_billing: boolean
    seat_prices: Record<string, number>
    included_seats: number | null
  }
  return {
    type: offer.type,
    services: offer.services,
    quantity: { min: 1, max: 1, reason: "Acronis services are ordered one per subscription" },
    settings:
      offer.type === "ppu"
        ? [
            setting("protection_licensing_model", offer.protection_models),
            setting("file_sync_share_licensing_model", offer.file_sync_share_models),
          ]
        : [],
    contract:
      offer.type === "contract"
        ? { tier: offer.contract_tier, minimum_monthly_commitment: offer.commitments ?? {}, resellers_only: true }
        : null,
    plan: plan
      ? {
          deployment: plan.deployment,
          payment: plan.payment,
          billing_intervals: plan.billing_intervals,
          data_centers: plan.data_centers,
          postponed_billing: plan.postponed_billing,
          seat_prices: plan.seat_prices,
          included_seats: plan.included_seats,
        }
      : null,
  }
}
