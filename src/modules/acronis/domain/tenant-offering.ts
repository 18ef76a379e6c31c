import type { OfferingItem, OfferingItemUpdate } from "../../../lib/acronis"
import { AcronisService, EditionMapping, FileSyncShareModel, ProtectionModel, SERVICE_APPLICATION_TYPES } from "./licensing"

/**
 * What a provisioned tenant gets in Acronis: which editions ("billing modes"), and which offering items with
 * which quotas. Pure functions, so the rules of seed 001 are read and tested in one place:
 * - a customer tenant gets one edition per service — the licensing models chosen in the basket — plus the
 *   edition-less items of its services (Physical Data Shipping, Notary, local storage); every other edition off;
 * - a reseller's partner tenant gets both billing modes of every service, so it can give either to its customers;
 * - pay per use is unlimited; contracts and plans take the offer's quotas.
 */
export type ChosenLicensingModels = {
  protection_licensing_model?: ProtectionModel | null
  file_sync_share_licensing_model?: FileSyncShareModel | null
}

export type OfferForEditions = {
  type: "ppu" | "contract" | "plan"
  protection_models?: string[] | null
  file_sync_share_models?: string[] | null
  offering_items?: { name: string; edition: string | null }[] | null
}

/** Editions of one service: the chosen model, else the offer's only model, else what the offer's items name. */
function serviceEditions(
  chosen: string | null | undefined,
  offerModels: string[] | null | undefined,
  byModel: Record<string, string>,
  offerItemEditions: string[],
  all: string[]
): string[] {
  if (chosen) return [byModel[chosen]].filter(Boolean)
  if (offerModels?.length === 1) return [byModel[offerModels[0]]].filter(Boolean)
  return offerItemEditions.filter((edition) => all.includes(edition))
}

/**
 * The editions a subscription's tenant gets, per service, through the merchant's edition mapping. Empty for a
 * service means nobody chose: the caller refuses to provision a customer tenant that way (Acronis would get no
 * billing mode, or two).
 */
export function editionsForSubscription(offer: OfferForEditions, chosen: ChosenLicensingModels, mapping: EditionMapping) {
  const offerItemEditions = [...new Set((offer.offering_items ?? []).map((item) => item.edition).filter((e): e is string => !!e))]
  const protection = serviceEditions(
    chosen.protection_licensing_model,
    offer.protection_models,
    mapping.protection,
    offerItemEditions,
    Object.values(mapping.protection)
  )
  const fileSyncShare = serviceEditions(
    chosen.file_sync_share_licensing_model,
    offer.file_sync_share_models,
    mapping.file_sync_share,
    offerItemEditions,
    Object.values(mapping.file_sync_share)
  )
  // Two models may map to one edition (per user and per workload File Sync & Share, by default): named once.
  return { protection: [...new Set(protection)], file_sync_share: [...new Set(fileSyncShare)] }
}

/**
 * The services in which `editions` name more than one edition, by the parent's catalogue: a customer tenant
 * holding them is refused by Acronis (one edition per service), so provisioning says so before asking.
 */
export function editionClashes(available: Pick<OfferingItem, "application_id" | "edition">[], editions: string[]) {
  const byApplication = new Map<string, Set<string>>()
  for (const { application_id, edition } of available) {
    if (!edition || !editions.includes(edition)) continue
    byApplication.set(application_id, (byApplication.get(application_id) ?? new Set<string>()).add(edition))
  }
  return [...byApplication].filter(([, found]) => found.size > 1).map(([application_id, found]) => ({ application_id, editions: [...found].sort() }))
}

export type OfferingItemsPlanInput = {
  /** `available_for_child` of the parent for the tenant's kind, every edition. */
  available: Pick<OfferingItem, "application_id" | "name" | "edition" | "type" | "infra_id" | "usage_name">[]
  applications: { id: string; type: string }[]
  services: AcronisService[]
  editions: string[]
  tenant_kind: "customer" | "partner"
  /** The offer's quotas by item name (contracts, plans); absent items and pay per use are unlimited. */
  quotas?: Record<string, { value: number | null; overage: number | null }>
  /** A plan's chosen data location: the backup storage (`infra_id`) used instead of the parent's first. */
  storage_infra_id?: string | null
}

/** The items to enable (status 1) with their quotas, before quota versions are filled in from a fresh read. */
export function offeringItemsForTenant(input: OfferingItemsPlanInput): (OfferingItemUpdate & { type: string })[] {
  const wantedTypes = new Set(input.services.map((service) => SERVICE_APPLICATION_TYPES[service]))
  const typeById = new Map(input.applications.map((app) => [app.id, app.type]))
  // A customer tenant may use one storage per kind of storage (reference §6): the first the parent offers.
  const storageByUsage = new Map<string, string>()
  if (input.storage_infra_id) {
    // The chosen data location, for every kind of Protection storage the parent offers there.
    for (const item of input.available) {
      if (item.infra_id === input.storage_infra_id && typeById.get(item.application_id) === "backup") {
        storageByUsage.set(`${item.application_id}:${item.usage_name}`, item.infra_id)
      }
    }
  }
  const items: (OfferingItemUpdate & { type: string })[] = []
  for (const item of input.available) {
    if (!wantedTypes.has(typeById.get(item.application_id) ?? "")) continue
    if (item.edition && !input.editions.includes(item.edition)) continue
    if (item.infra_id && input.tenant_kind === "customer") {
      const usageKey = `${item.application_id}:${item.usage_name}`
      const chosen = storageByUsage.get(usageKey) ?? item.infra_id
      storageByUsage.set(usageKey, chosen)
      if (chosen !== item.infra_id) continue
    }
    const quota = input.quotas?.[item.name] ?? { value: null, overage: null }
    items.push({
      application_id: item.application_id,
      name: item.name,
      type: item.type,
      status: 1,
      ...(item.infra_id && { infra_id: item.infra_id }),
      ...(item.type !== "feature" && { quota: { value: quota.value, overage: quota.overage, version: 0 } }),
    })
  }
  return items
}
