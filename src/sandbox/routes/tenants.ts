/** Tenants: create, read, list with cursor paging, update with versions, enable/disable, delete. */
import { randomUUID } from "node:crypto"
import { mergeContact } from "../contacts"
import type { SandboxContext } from "../context"
import { ApiError, malformed, PlatformCode, versionMismatch } from "../errors"
import type { Router } from "../http"
import { emptyContact, DEFAULT_IDP_ID, timestamp, type TenantKind, type TenantRecord } from "../state"
import {
  allTenants,
  assertChildKind,
  assertUniqueName,
  descendantsOf,
  findTenant,
  getTenant,
  isRoot,
  tenantAdded,
  tenantReplaced,
  tenantView,
  type LevelOfDetail,
} from "../tenancy"
import { startTrial } from "./pricing"
import {
  csvParam,
  isUuid,
  onlyKeys,
  optionalBoolean,
  optionalString,
  requireInteger,
  requireObject,
  requireOneOf,
  requireString,
  requireVersionQuery,
  type JsonObject,
} from "../validation"

const KINDS: TenantKind[] = ["partner", "folder", "customer", "unit"]
const CUSTOMER_TYPES = ["default", "enterprise", "consumer", "small_office", "ti_unified"]
const POST_FIELDS = [
  "name", "parent_id", "kind", "contact", "company_billing_contact", "enabled", "customer_id", "internal_tag",
  "language", "default_idp_id", "update_lock", "ancestral_access", "settings",
]
const PUT_FIELDS = [
  "version", "name", "customer_type", "parent_id", "kind", "contact", "enabled", "customer_id", "brand_id",
  "internal_tag", "language", "default_idp_id", "update_lock", "ancestral_access", "external_operation_status",
]
const LIST_FILTERS = ["uuids", "parent_id", "subtree_root_id"] as const
const DEFAULT_LIMIT = 5000

/** Everything a page needs, so `after` alone fetches the next one (as the spec describes the cursor). */
interface Listing {
  filter: (typeof LIST_FILTERS)[number]
  value: string
  lod: LevelOfDetail
  limit: number
  allow_deleted: boolean
  updated_since: string | null
  offset: number
}

function encodeCursor(listing: Listing): string {
  return Buffer.from(JSON.stringify(listing)).toString("base64url")
}

function decodeCursor(cursor: string): Listing {
  try {
    const listing = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Listing
    if (LIST_FILTERS.includes(listing.filter) && Number.isInteger(listing.offset)) return listing
  } catch {
    // fall through
  }
  throw malformed("The 'after' cursor is malformed.")
}

function internalTag(body: JsonObject): string | null | undefined {
  const tag = optionalString(body, "internal_tag")
  if (typeof tag === "string" && tag.length > 256) throw malformed("'internal_tag' must be at most 256 characters.")
  return tag
}

function updateLock(value: unknown): { enabled: boolean; owner_id: string | null } | undefined {
  if (value === undefined) return undefined
  const lock = requireObject(value, "update_lock")
  if (typeof lock.enabled !== "boolean") throw malformed("'update_lock.enabled' must be a boolean.")
  return { enabled: lock.enabled, owner_id: null }
}

function listTenants(ctx: SandboxContext, listing: Listing): TenantRecord[] {
  const all = allTenants(ctx)
  let tenants: TenantRecord[]
  if (listing.filter === "uuids") {
    const ids = csvParam(listing.value)
    if (ids.length > 100) throw malformed("'uuids' accepts at most 100 UUIDs.")
    tenants = ids.map((id) => findTenant(ctx, id, listing.allow_deleted)).filter((t): t is TenantRecord => !!t)
  } else if (listing.filter === "parent_id") {
    getTenant(ctx, listing.value)
    tenants = all.filter((t) => t.parent_id === listing.value).sort((a, b) => a.number - b.number)
  } else {
    tenants = [getTenant(ctx, listing.value), ...descendantsOf(ctx, listing.value)]
  }
  if (!listing.allow_deleted) tenants = tenants.filter((t) => !t.deleted_at)
  if (listing.updated_since) {
    const since = Date.parse(listing.updated_since)
    if (Number.isNaN(since)) throw malformed("'updated_since' must be an RFC3339 timestamp.")
    tenants = tenants.filter((t) => Date.parse(`${t.updated_at}Z`) > since)
  }
  return tenants
}

/**
 * A `GET /tenants` item: every level of detail carries `contacts` and `offering_items` (empty unless asked
 * for with `with_contacts`/`with_offering_items`, which the sandbox does not fill), and the full one `barrier`,
 * as the batch schema requires. `barrier: 0` (no barrier) is UNCONFIRMED.
 */
function batchItem(ctx: SandboxContext, tenant: TenantRecord, lod: LevelOfDetail): Record<string, unknown> {
  const view = { ...tenantView(ctx, tenant, lod), contacts: [], offering_items: [] }
  return lod === "full" ? { ...view, barrier: 0 } : view
}

/** Deleting a tenant removes its subtree and the users in it (soft delete, like the platform). */
function softDelete(ctx: SandboxContext, tenant: TenantRecord, now: string): void {
  for (const t of [tenant, ...descendantsOf(ctx, tenant.id)]) {
    t.deleted_at = now
    t.updated_at = now
    t.version += 1
    for (const user of Object.values(ctx.state.users)) {
      if (user.tenant_id === t.id && !user.deleted_at) user.deleted_at = now
    }
  }
}

export function tenantRoutes(router: Router, ctx: SandboxContext): void {
  router.add(
    "POST",
    "/tenants",
    (req) => {
      const body = requireObject(req.body)
      onlyKeys(body, POST_FIELDS)
      const name = requireString(body, "name")
      const kind = requireOneOf(body.kind, KINDS, "kind")
      if (!isUuid(body.parent_id)) throw malformed("'parent_id' is required and must be a UUID.")
      const parent = getTenant(ctx, body.parent_id)
      if (!parent.enabled) {
        throw new ApiError(400, PlatformCode.ParentTenantDisabled, "The parent tenant is disabled.", { parent_id: parent.id })
      }
      assertChildKind(parent, kind)
      assertUniqueName(ctx, parent.id, name)
      const now = timestamp()
      const id = randomUUID()
      const tenant: TenantRecord = {
        id,
        number: ctx.state.next_tenant_number++,
        version: 1,
        name,
        kind,
        parent_id: parent.id,
        enabled: optionalBoolean(body, "enabled") ?? true,
        customer_type: "default",
        customer_id: optionalString(body, "customer_id") ?? null,
        internal_tag: internalTag(body) ?? null,
        language: optionalString(body, "language") ?? "en",
        contact: body.contact === undefined ? emptyContact(randomUUID(), now) : mergeContact(emptyContact(randomUUID(), now), body.contact, now),
        default_idp_id: optionalString(body, "default_idp_id") ?? DEFAULT_IDP_ID,
        update_lock: updateLock(body.update_lock) ?? { enabled: false, owner_id: null },
        ancestral_access: optionalBoolean(body, "ancestral_access") ?? true,
        mfa_status: "disabled",
        created_at: now,
        updated_at: now,
        deleted_at: null,
      }
      ctx.state.tenants[id] = tenant
      tenantAdded(ctx, tenant)
      ctx.state.pricing[id] = startTrial(new Date())
      ctx.state.offering_items[id] = {}
      ctx.state.applications[id] = []
      return { status: 201, body: tenantView(ctx, tenant) }
    },
    { body: "json" }
  )

  router.add("GET", "/tenants", (req) => {
    const q = req.query
    let listing: Listing
    const after = q.get("after")
    if (after) {
      listing = decodeCursor(after)
    } else {
      const given = LIST_FILTERS.filter((f) => q.has(f))
      if (given.length === 0) {
        // The real message, from the platform's request validator.
        throw malformed("Key: 'uuids' Error:Field validation for 'uuids' failed on the 'required_without_all' tag")
      }
      if (given.length > 1) throw malformed(`Query parameters ${given.join(", ")} are mutually exclusive.`)
      const limit = q.has("limit") ? requireInteger(q.get("limit"), "limit") : DEFAULT_LIMIT
      if (limit < 1) throw malformed("'limit' must be at least 1.")
      listing = {
        filter: given[0],
        value: q.get(given[0]) ?? "",
        lod: q.has("lod") ? requireOneOf(q.get("lod"), ["stamps", "basic", "full"] as const, "lod") : "full",
        limit,
        allow_deleted: q.get("allow_deleted") === "true",
        updated_since: q.get("updated_since"),
        offset: 0,
      }
    }
    const tenants = listTenants(ctx, listing)
    const page = tenants.slice(listing.offset, listing.offset + listing.limit)
    const next = listing.offset + page.length
    // On the last page `cursors` is empty (UNCONFIRMED what the platform sends there).
    const cursors = next < tenants.length ? { after: encodeCursor({ ...listing, offset: next }) } : {}
    return {
      status: 200,
      body: {
        timestamp: timestamp(),
        items: page.map((t) => batchItem(ctx, t, listing.lod)),
        paging: { cursors },
      },
    }
  })

  router.add("GET", "/tenants/:tenant_id", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id, req.query.get("allow_deleted") === "true")
    return { status: 200, body: tenantView(ctx, tenant) }
  })

  router.add("GET", "/tenants/:tenant_id/children", (req) => {
    getTenant(ctx, req.params.tenant_id)
    const ids = allTenants(ctx)
      .filter((t) => t.parent_id === req.params.tenant_id && !t.deleted_at)
      .sort((a, b) => a.number - b.number)
      .map((t) => t.id)
    return { status: 200, body: { items: ids } }
  })

  router.add(
    "PUT",
    "/tenants/:tenant_id",
    (req) => {
      const body = requireObject(req.body)
      onlyKeys(body, PUT_FIELDS)
      const version = requireInteger(body.version, "version")
      const tenant = getTenant(ctx, req.params.tenant_id)
      if (version !== tenant.version) throw versionMismatch(tenant.id, tenant.version)
      const now = timestamp()
      const next: TenantRecord = { ...tenant }
      if (body.parent_id !== undefined && body.parent_id !== tenant.parent_id) {
        if (!isUuid(body.parent_id)) throw malformed("'parent_id' must be a UUID.")
        if (isRoot(ctx, tenant)) throw new ApiError(403, PlatformCode.AccessDenied, "The API client's own tenant cannot be moved.")
        const parent = getTenant(ctx, body.parent_id)
        if (parent.id === tenant.id || descendantsOf(ctx, tenant.id).some((t) => t.id === parent.id)) {
          throw new ApiError(400, PlatformCode.BusinessRules, "A tenant cannot be moved under itself.")
        }
        next.parent_id = parent.id
      }
      if (body.kind !== undefined && body.kind !== tenant.kind) {
        const kind = requireOneOf(body.kind, KINDS, "kind")
        const swap = ["partner", "folder"]
        if (!swap.includes(kind) || !swap.includes(tenant.kind)) {
          throw new ApiError(400, PlatformCode.BusinessRules, "Only partner ↔ folder kind changes are allowed.")
        }
        next.kind = kind
      }
      if (next.parent_id !== tenant.parent_id) assertChildKind(getTenant(ctx, next.parent_id), next.kind)
      if (body.name !== undefined) next.name = requireString(body, "name")
      if (next.name !== tenant.name || next.parent_id !== tenant.parent_id) assertUniqueName(ctx, next.parent_id, next.name, tenant.id)
      if (body.customer_type !== undefined) next.customer_type = requireOneOf(body.customer_type, CUSTOMER_TYPES, "customer_type")
      if (body.contact !== undefined) next.contact = mergeContact(tenant.contact, body.contact, now)
      next.enabled = optionalBoolean(body, "enabled") ?? tenant.enabled
      if (body.customer_id !== undefined) next.customer_id = optionalString(body, "customer_id") ?? null
      if (body.internal_tag !== undefined) next.internal_tag = internalTag(body) ?? null
      next.language = optionalString(body, "language") ?? tenant.language
      next.default_idp_id = optionalString(body, "default_idp_id") ?? tenant.default_idp_id
      next.update_lock = updateLock(body.update_lock) ?? tenant.update_lock
      next.ancestral_access = optionalBoolean(body, "ancestral_access") ?? tenant.ancestral_access
      next.version = tenant.version + 1
      next.updated_at = now
      ctx.state.tenants[tenant.id] = next
      tenantReplaced(ctx, tenant, next)
      return { status: 200, body: tenantView(ctx, next) }
    },
    { body: "json" }
  )

  router.add("DELETE", "/tenants/:tenant_id", (req) => {
    const version = requireVersionQuery(req.query)
    const tenant = getTenant(ctx, req.params.tenant_id)
    if (isRoot(ctx, tenant)) throw new ApiError(403, PlatformCode.AccessDenied, "The API client's own tenant cannot be deleted.")
    if (version !== tenant.version) throw versionMismatch(tenant.id, tenant.version)
    if (tenant.enabled) {
      const message = "It is prohibited to delete a non-disabled tenant."
      throw new ApiError(400, PlatformCode.DeleteNonDisabledTenant, message, { id: tenant.id }, `${message.slice(0, -1)} "${tenant.id}"`)
    }
    softDelete(ctx, tenant, timestamp())
    return { status: 204 }
  })
}
