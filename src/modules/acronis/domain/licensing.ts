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

export const PROTECTION_EDITIONS: Record<ProtectionModel, string> = {
  per_gigabyte: "pck_per_gigabyte",
  per_workload: "pck_per_workload",
}

export const FILE_SYNC_SHARE_EDITIONS: Record<FileSyncShareModel, string> = {
  per_user: "fss_per_user",
  // The reference documents fss_per_user/fss_per_gigabyte; the per-workload edition name is our best reading.
  per_workload: "fss_per_workload",
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
