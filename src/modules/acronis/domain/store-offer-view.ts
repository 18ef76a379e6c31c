import { EditionMapping, PRODUCT_SETTINGS } from "./licensing"
import { CREDENTIAL_RECIPIENTS, normalizePlanTerms, PLAN_LABELS, type PlanTerms } from "./plan-terms"

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
 * descriptions, the quantity rule, and the public terms (tier, commitment, plan order form). Never tenant
 * ids, unit costs or provisioning details. `dataLocations`: a plan's storages, read live from Acronis.
 */
export function toStoreOfferView(offer: Offer, mapping: EditionMapping, dataLocations: StoreDataLocation[] = []) {
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
    plan: offer.type === "plan" ? toStorePlanForm(normalizePlanTerms(offer.plan), dataLocations) : null,
  }
}

/** A storage a cloud plan may keep its data in: the infra id, and the name Acronis shows users. */
export type StoreDataLocation = { id: string; name: string }

const option = <K extends string>(value: K, labels: Record<K, { label: string; description?: string }>) => ({ value, ...labels[value] })

/**
 * Everything a storefront needs to draw seed 004's order form of a plan: each field with its label, the choices
 * the offer allows and the package prices. What the buyer picks goes to `metadata.plan_order` on the line item
 * under the field's `key`.
 */
export function toStorePlanForm(terms: PlanTerms, dataLocations: StoreDataLocation[]) {
  const labels = PLAN_LABELS
  return {
    /** False for offers with fixed terms: the basket may leave `plan_order` out and gets the one choice of each. */
    order_form_required: terms.order_form,
    billing_intervals: terms.billing_intervals,
    fields: {
      deployment: { key: "deployment", label: labels.deployment.label, required: true, options: terms.deployments.map((value) => option(value, labels.deployment.options)) },
      payment: { key: "payment", label: labels.payment.label, required: true, options: terms.payments.map((value) => option(value, labels.payment.options)) },
      data_location: {
        key: "data_location",
        ...labels.data_location,
        required_for: "cloud",
        permanent: true,
        /** The buyer confirms the location is final: `plan_order.data_location_confirmed: true`. */
        confirmation_key: "data_location_confirmed",
        options: terms.deployments.includes("cloud") ? dataLocations.map((location) => ({ value: location.id, label: location.name })) : [],
      },
      currency: {
        key: "currency",
        ...labels.currency,
        required_for: "saas",
        options: terms.deployments.includes("saas") ? terms.currencies.map((code) => ({ value: code, label: code.toUpperCase() })) : [],
      },
      package: {
        key: "package",
        ...labels.package,
        required: true,
        options: terms.packages.map((pkg) => ({
          value: pkg.id,
          label: pkg.name,
          included_seats: pkg.included_seats,
          /** Per user account and month, in major units, by currency. */
          seat_prices: pkg.seat_prices,
          quotas: Object.fromEntries(Object.entries(pkg.quotas).map(([name, quota]) => [name, quota.value])),
        })),
      },
      postponed_billing: { key: "postponed_billing", ...labels.postponed_billing, available: terms.postponed_billing },
      customer: {
        key: "customer",
        ...labels.customer,
        required: true,
        fields: [
          { key: "company_name", label: "Company name" },
          { key: "contact_name", label: "Contact name" },
          { key: "contact_email", label: "Contact e-mail" },
        ],
      },
      domain: { key: "domain", ...labels.domain, required: true },
      admin_username: {
        key: "admin_username",
        ...labels.admin_username,
        required: true,
        /** Proposes a login unique across Acronis from the username and the domain. */
        proposal: "GET /store/acronis/logins/proposal?username=&domain=",
      },
      send_credentials_to: {
        key: "send_credentials_to",
        label: labels.send_credentials_to.label,
        options: CREDENTIAL_RECIPIENTS.map((value) => option(value, labels.send_credentials_to.options)),
        default: ["account_manager"],
      },
    },
  }
}
