/**
 * The Acronis vocabulary the plugin sells with: licensing models a shopper picks in the basket, the Acronis
 * edition ("billing mode") each maps to, and the services an offer provisions. One place, so the offer
 * validator, the storefront view and provisioning agree.
 */
export const PROTECTION_MODELS = ["per_gigabyte", "per_workload"] as const
export const FILE_SYNC_SHARE_MODELS = ["per_user", "per_workload"] as const
export const ACRONIS_SERVICES = ["protection", "file_sync_share", "physical_data_shipping", "notary"] as const
export const CONTRACT_CURRENCIES = ["usd", "eur", "gbp", "aud", "jpy", "cad"] as const
export const CONTRACT_TIERS = [0, 1, 2, 3, 4, 5, 6, 7] as const

export type ProtectionModel = (typeof PROTECTION_MODELS)[number]
export type FileSyncShareModel = (typeof FILE_SYNC_SHARE_MODELS)[number]
export type AcronisService = (typeof ACRONIS_SERVICES)[number]

/**
 * Which Acronis edition ("billing mode") each licensing model is sold as. A merchant setting (plugin option
 * `editions`), because the storefront's models and Acronis's editions do not match one to one: Acronis has no
 * File Sync & Share "per workload" edition (its editions are `fss_per_user`, `fss_per_gigabyte` and
 * `fss_legacy`), so by default "per workload" File Sync & Share is sold as `fss_per_user`, the per-seat one.
 * Offers are checked against the parent tenant's catalogue when saved; the admin and the storefront show the
 * mapping.
 */
export type EditionMapping = {
  protection: Record<ProtectionModel, string>
  file_sync_share: Record<FileSyncShareModel, string>
}

export const DEFAULT_EDITION_MAPPING: EditionMapping = {
  protection: { per_gigabyte: "pck_per_gigabyte", per_workload: "pck_per_workload" },
  file_sync_share: { per_user: "fss_per_user", per_workload: "fss_per_user" },
}

/** Every edition the mapping sells, each once: what a reseller's partner tenant gets. */
export function mappedEditions(mapping: EditionMapping): string[] {
  return [...new Set([...Object.values(mapping.protection), ...Object.values(mapping.file_sync_share)])]
}

export type ContractTier = (typeof CONTRACT_TIERS)[number]

/**
 * The storefront's CSP contract tiers (Tier 0 to Tier 7, as the merchant sells them) and the partner billing
 * setting `tier_level_value` Acronis records for each. Acronis counts differently: -1 is "no commitment" and
 * 0..4 are its Tier 1..5 (its API accepts levels up to 7, and -2 for a custom contract). So a reseller who buys
 * Tier 3 sees Tier 3 in the Acronis console too, the entry tier (Tier 0) is Acronis's "no commitment", and
 * Tiers 6 and 7 are levels 5 and 6. A merchant whose datacentre or contract differs overrides entries with the
 * `contractTierLevels` option; `null` means the datacentre does not offer that tier, and offers for it are refused.
 */
export const DEFAULT_CONTRACT_TIER_LEVELS: Readonly<Record<ContractTier, number | null>> = {
  0: -1,
  1: 0,
  2: 1,
  3: 2,
  4: 3,
  5: 4,
  6: 5,
  7: 6,
}

/** The `tier_level_value` for a storefront tier, or null when the datacentre does not offer it. */
export function contractTierLevel(tier: number, levels: Readonly<Record<number, number | null>>): number | null {
  return levels[tier] ?? null
}

/** Acronis application type behind each service. */
export const SERVICE_APPLICATION_TYPES: Record<AcronisService, string> = {
  protection: "backup",
  file_sync_share: "files_cloud",
  physical_data_shipping: "physical_data_shipping",
  notary: "notary",
}

/** The basket's product settings, with the labels and descriptions of the source documents (seed 001). */
export const PRODUCT_SETTINGS = {
  protection_licensing_model: {
    label: "Protection Licensing Model",
    options: {
      per_gigabyte: {
        label: "Per gigabyte",
        description: 'Protection service that is getting enabled based on the "per gigabyte" licensing model.',
      },
      per_workload: {
        label: "Per workload",
        description: 'Protection service that is getting enabled based on the "per workload" licensing model.',
      },
    },
  },
  file_sync_share_licensing_model: {
    label: "File Sync & Share Licensing Model",
    options: {
      per_user: {
        label: "Per user",
        description: 'File Sync & Share service that is getting enabled based on the "per user" licensing model.',
      },
      per_workload: {
        label: "Per workload",
        description: 'File Sync & Share service that is getting enabled based on the "per workload" licensing model.',
      },
    },
  },
} as const

/**
 * The mapping as the admin reads it: one row per licensing model with its label, the edition it sells, the
 * default, and whether the root tenant can give that edition to customers (null when Acronis could not be read).
 */
export function describeEditionMapping(mapping: EditionMapping, customerEditions: string[] | null) {
  const rows = (setting: keyof typeof PRODUCT_SETTINGS, service: keyof EditionMapping) =>
    Object.entries(PRODUCT_SETTINGS[setting].options).map(([model, { label }]) => {
      const edition = (mapping[service] as Record<string, string>)[model]
      return {
        setting,
        service,
        model,
        label,
        edition,
        default_edition: (DEFAULT_EDITION_MAPPING[service] as Record<string, string>)[model],
        available_for_customers: customerEditions ? customerEditions.includes(edition) : null,
      }
    })
  return [...rows("protection_licensing_model", "protection"), ...rows("file_sync_share_licensing_model", "file_sync_share")]
}
