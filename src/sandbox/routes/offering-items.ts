/** Offering items: list, what a parent can give a child, and PUT with quota versions and business rules. */
import {
  APPLICATION_IDS,
  findOfferingItem,
  isBackupStorage,
  offeringItemKey,
  offeringItemsNamed,
  type OfferingItemDef,
} from "../catalogue"
import type { SandboxContext } from "../context"
import { ApiError, malformed, PlatformCode } from "../errors"
import type { Router } from "../http"
import { availableKeys, matchesEdition, offeringItemView, tenantOfferingItems, type OfferingItemEntry } from "../offering"
import { nextStampVersion, timestamp, utcDay, type OfferingItemRecord, type Quota, type TenantRecord } from "../state"
import { descendantsOf, getTenant } from "../tenancy"
import { currentUsage } from "../usage"
import { csvParam, isUuid, onlyKeys, optionalBoolean, requireObject, requireOneOf, type JsonObject } from "../validation"

const KINDS = ["partner", "folder", "customer", "unit"] as const

function filterEntries(entries: OfferingItemEntry[], query: URLSearchParams): OfferingItemEntry[] {
  const usageNames = csvParam(query.get("usage_names"))
  const status = query.get("status")
  const type = query.get("type")
  const infra = query.get("infra_uuid")
  return entries.filter(
    ({ def, record }) =>
      matchesEdition(def, query.get("edition")) &&
      (!usageNames.length || usageNames.includes(def.usage_name)) &&
      (status === null || String(record.status) === status) &&
      (type === null || def.type === type) &&
      (infra === null || def.infra_id === infra)
  )
}

function parseQuota(value: unknown, name: string): Quota {
  const quota = requireObject(value, `quota of ${name}`)
  // The spec's `quota` schema: additionalProperties false, value, overage and version all required.
  onlyKeys(quota, ["value", "overage", "version"], `quota of ${name}`)
  for (const field of ["value", "overage"] as const) {
    const v = quota[field]
    if (v === undefined) throw malformed(`quota.${field} of ${name} is required (null for unlimited).`)
    if (v !== null && !(Number.isInteger(v) && (v as number) >= 0)) {
      throw malformed(`quota.${field} of ${name} must be a non-negative integer or null.`)
    }
  }
  if (!Number.isInteger(quota.version) || (quota.version as number) < 0) throw malformed(`quota.version of ${name} is required.`)
  return { value: (quota.value ?? null) as number | null, overage: (quota.overage ?? null) as number | null, version: quota.version as number }
}

interface Change {
  key: string
  def: OfferingItemDef
  record: OfferingItemRecord
}

function planChange(ctx: SandboxContext, tenant: TenantRecord, raw: unknown, checkUsage: boolean, now: string): Change {
  const item = requireObject(raw, "offering item") as JsonObject
  if (!isUuid(item.application_id) || typeof item.name !== "string") {
    throw malformed("Each offering item needs 'application_id' and 'name'.")
  }
  const infraId = typeof item.infra_id === "string" ? item.infra_id : undefined
  const def = findOfferingItem(item.name, infraId)
  if (!def && !infraId && offeringItemsNamed(item.name).some((d) => d.infra_id)) {
    throw malformed(`Offering item ${item.name} is tied to a storage and needs 'infra_id'.`)
  }
  const key = offeringItemKey(item.name, infraId)
  if (!def || def.application_id !== item.application_id) {
    throw new ApiError(400, PlatformCode.OfferingItemNotAvailable, `Offering item ${item.name} is not available.`, {
      name: item.name,
      infra_id: infraId ?? null,
    })
  }
  const current: OfferingItemRecord = ctx.state.offering_items[tenant.id]?.[key] ?? { status: 0, updated_at: now }
  const status = item.status === undefined ? current.status : item.status
  if (status !== 0 && status !== 1) throw malformed(`'status' of ${item.name} must be 0 or 1.`)
  if (status === 1 && !availableKeys(ctx, tenant).has(key)) {
    throw new ApiError(400, PlatformCode.OfferingItemNotAvailable, `Offering item ${item.name} is not available for the tenant: its parent does not have it.`, {
      name: item.name,
      infra_id: infraId ?? null,
    })
  }
  if (status === 0) {
    if (checkUsage && current.status === 1 && currentUsage(ctx, tenant.id, key, utcDay()) > 0) {
      throw new ApiError(400, PlatformCode.BusinessRules, `Offering item ${item.name} cannot be disabled while it has usage.`, { name: item.name })
    }
    return { key, def, record: { status: 0, updated_at: now } }
  }
  if (def.type === "feature") return { key, def, record: { status: 1, updated_at: now } }
  const enabledQuota = current.status === 1 ? current.quota : undefined
  if (item.quota === undefined) {
    return { key, def, record: { status: 1, quota: enabledQuota ?? { value: null, overage: null, version: 0 }, updated_at: now } }
  }
  const quota = parseQuota(item.quota, item.name)
  // The quota version must be the one from a fresh GET (KB 71376); a disabled item has none to compare.
  if (enabledQuota && quota.version !== enabledQuota.version) {
    throw new ApiError(426, PlatformCode.VersionMismatch, `Quota version of ${item.name} is outdated; re-read the offering items.`, {
      name: item.name,
      version: enabledQuota.version,
    })
  }
  const unchanged = enabledQuota && enabledQuota.value === quota.value && enabledQuota.overage === quota.overage
  const version = unchanged ? enabledQuota.version : quota.value === null ? 0 : nextStampVersion()
  return { key, def, record: { status: 1, quota: { value: quota.value, overage: quota.overage, version }, updated_at: now } }
}

/** Only one backup storage per customer (reference section 6); the status/code pair is UNCONFIRMED. */
function assertOneStorage(ctx: SandboxContext, tenant: TenantRecord, changes: Change[]): void {
  if (tenant.kind !== "customer") return
  const merged = { ...ctx.state.offering_items[tenant.id] }
  for (const change of changes) merged[change.key] = change.record
  const storages = new Set(
    tenantOfferingItems(ctx, tenant)
      .filter(({ key, def }) => isBackupStorage(def) && merged[key]?.status === 1)
      .map(({ def }) => def.infra_id)
  )
  if (storages.size > 1) {
    throw new ApiError(400, PlatformCode.BusinessRules, "A customer tenant can use only one backup storage.", {
      infra_ids: [...storages],
    })
  }
}

/**
 * A customer tenant's storage moves only while it stores nothing: a PUT that turns off a backup storage item
 * with usage and turns the same kind of storage on elsewhere is refused, with or without `check_usage`.
 * The rule is Acronis's (a tenant's storage changes only while its usage is 0); that it holds without
 * `check_usage`, and the status/code pair, are UNCONFIRMED (README).
 */
function assertStorageMovesEmpty(ctx: SandboxContext, tenant: TenantRecord, changes: Change[]): void {
  if (tenant.kind !== "customer") return
  const merged = { ...ctx.state.offering_items[tenant.id] }
  for (const change of changes) merged[change.key] = change.record
  const today = utcDay()
  for (const { key, def, record } of changes) {
    if (!isBackupStorage(def) || record.status !== 0 || ctx.state.offering_items[tenant.id]?.[key]?.status !== 1) continue
    const used = currentUsage(ctx, tenant.id, key, today)
    if (used <= 0) continue
    const elsewhere = tenantOfferingItems(ctx, tenant).find(
      (entry) => isBackupStorage(entry.def) && entry.def.usage_name === def.usage_name && entry.def.infra_id !== def.infra_id && merged[entry.key]?.status === 1
    )
    if (elsewhere) {
      throw new ApiError(
        400,
        PlatformCode.BusinessRules,
        `The storage of a tenant can be changed only while its usage is 0: ${def.name} holds ${used} bytes on ${def.infra_id}.`,
        { name: def.name, infra_id: def.infra_id ?? null, usage: used }
      )
    }
  }
}

/**
 * A customer tenant uses one edition ("billing mode") per service (Acronis developer training, part II:
 * "Customer tenant: only 1 edition can be selected"); edition-less items do not count. Checked on the state
 * after the whole request, so one PUT may turn the old edition's items off and the new one's on. The
 * status/code pair is UNCONFIRMED (README).
 */
function assertOneEditionPerService(ctx: SandboxContext, tenant: TenantRecord, changes: Change[]): void {
  if (tenant.kind !== "customer") return
  const merged = { ...ctx.state.offering_items[tenant.id] }
  for (const change of changes) merged[change.key] = change.record
  const editionsByApplication = new Map<string, Set<string>>()
  for (const { key, def } of tenantOfferingItems(ctx, tenant)) {
    if (!def.edition || merged[key]?.status !== 1) continue
    const editions = editionsByApplication.get(def.application_id) ?? new Set<string>()
    editionsByApplication.set(def.application_id, editions.add(def.edition))
  }
  for (const [application_id, editions] of editionsByApplication) {
    if (editions.size > 1) {
      throw new ApiError(
        400,
        PlatformCode.BusinessRules,
        `A customer tenant can use only one edition of a service; turn off the items of the other edition first or in the same request.`,
        { application_id, editions: [...editions].sort() }
      )
    }
  }
}

export function offeringItemRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/tenants/:tenant_id/offering_items", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id)
    const entries = filterEntries(tenantOfferingItems(ctx, tenant), req.query)
    return { status: 200, body: { timestamp: timestamp(), items: entries.map((e) => offeringItemView(tenant.id, e)) } }
  })

  router.add("GET", "/tenants/:tenant_id/offering_items/available_for_child", (req) => {
    const parent = getTenant(ctx, req.params.tenant_id)
    if (req.query.has("kind")) requireOneOf(req.query.get("kind"), KINDS, "kind")
    const enabled = tenantOfferingItems(ctx, parent).filter((e) => e.record.status === 1)
    const entries = filterEntries(enabled, req.query)
    return { status: 200, body: { timestamp: timestamp(), items: entries.map((e) => offeringItemView(parent.id, e)) } }
  })

  router.add(
    "PUT",
    "/tenants/:tenant_id/offering_items",
    (req) => {
      const body = requireObject(req.body)
      onlyKeys(body, ["offering_items", "check_usage"])
      if (!Array.isArray(body.offering_items)) throw malformed("'offering_items' is required and must be a list.")
      const checkUsage = optionalBoolean(body, "check_usage") ?? false
      const tenant = getTenant(ctx, req.params.tenant_id)
      const now = timestamp()
      // Validate everything first so a rejected request changes nothing.
      const changes = body.offering_items.map((item) => planChange(ctx, tenant, item, checkUsage, now))
      assertOneStorage(ctx, tenant, changes)
      assertStorageMovesEmpty(ctx, tenant, changes)
      assertOneEditionPerService(ctx, tenant, changes)

      const own = (ctx.state.offering_items[tenant.id] ??= {})
      const apps = (ctx.state.applications[tenant.id] ??= [])
      for (const { key, def, record } of changes) {
        own[key] = record
        // Enabling an offering item turns its service on (reference section 5).
        if (record.status === 1 && !apps.includes(def.application_id)) apps.push(def.application_id)
        if (record.status === 0) disableInSubtree(ctx, tenant, key, now)
      }
      if (changes.some((c) => c.record.status === 1) && !apps.includes(APPLICATION_IDS.platform)) apps.push(APPLICATION_IDS.platform)
      const changed = new Set(changes.map((c) => c.key))
      const items = tenantOfferingItems(ctx, tenant).filter((e) => changed.has(e.key))
      return { status: 200, body: { timestamp: now, items: items.map((e) => offeringItemView(tenant.id, e)) } }
    },
    { body: "json" }
  )
}

/** A child never keeps an item its parent lost (UNCONFIRMED: the platform may refuse instead). */
function disableInSubtree(ctx: SandboxContext, tenant: TenantRecord, key: string, now: string): void {
  for (const child of descendantsOf(ctx, tenant.id)) {
    const record = ctx.state.offering_items[child.id]?.[key]
    if (record?.status === 1) ctx.state.offering_items[child.id][key] = { status: 0, updated_at: now }
  }
}
