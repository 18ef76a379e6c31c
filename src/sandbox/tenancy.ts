/** Tenant lookups, the tenant tree, and the tenant object as the API shows it. */
import type { SandboxContext } from "./context"
import { ApiError, notFound, PlatformCode } from "./errors"
import { BRAND_UUID, PLATFORM_TENANT_ID, type TenantKind, type TenantRecord } from "./state"

/** Whether the tenant is the API client's own tenant or below it: the only tenants the client may touch. */
export function inClientTree(ctx: SandboxContext, tenantId: string): boolean {
  let current: TenantRecord | undefined = ctx.state.tenants[tenantId]
  while (current) {
    if (current.id === ctx.state.root_tenant_id) return true
    current = ctx.state.tenants[current.parent_id]
  }
  return false
}

/**
 * 403 for a tenant that exists outside the client's tree ("the account does not own a tenant being
 * accessed"); the platform tenant above the client's own counts as existing. Ids that exist nowhere stay 404.
 */
export function assertOwnTenant(ctx: SandboxContext, tenantId: string): void {
  if (tenantId === PLATFORM_TENANT_ID || (ctx.state.tenants[tenantId] && !inClientTree(ctx, tenantId))) {
    throw new ApiError(403, PlatformCode.AccessDenied, "Access denied: the tenant is outside the API client's tenant tree.", {
      id: tenantId,
    })
  }
}

/** A tenant of the client's tree, or undefined when it does not exist (403 when it is someone else's). */
export function findTenant(ctx: SandboxContext, id: string, allowDeleted = false): TenantRecord | undefined {
  assertOwnTenant(ctx, id)
  const tenant = ctx.state.tenants[id]
  return tenant && (allowDeleted || !tenant.deleted_at) ? tenant : undefined
}

/** A tenant of the client's tree: 404 when it does not exist, 403 when it is someone else's. */
export function getTenant(ctx: SandboxContext, id: string, allowDeleted = false): TenantRecord {
  const tenant = findTenant(ctx, id, allowDeleted)
  if (!tenant) throw notFound("Tenant", id)
  return tenant
}

/**
 * Every tenant as a list and by parent, kept until a tenant is added or replaced (changes made in place need
 * nothing), so that a root with 10,000 customers answers as fast as the real API does.
 */
type TenantIndex = { all: TenantRecord[]; byParent: Map<string, TenantRecord[]> }
const indexes = new WeakMap<object, TenantIndex>()

function tenantIndex(ctx: SandboxContext): TenantIndex {
  let index = indexes.get(ctx.state.tenants)
  if (!index) {
    const all = Object.values(ctx.state.tenants).sort((a, b) => a.number - b.number)
    const byParent = new Map<string, TenantRecord[]>()
    for (const tenant of all) {
      const siblings = byParent.get(tenant.parent_id)
      if (siblings) siblings.push(tenant)
      else byParent.set(tenant.parent_id, [tenant])
    }
    index = { all, byParent }
    indexes.set(ctx.state.tenants, index)
  }
  return index
}

/** Every tenant, deleted ones too, in creation order. */
export function allTenants(ctx: SandboxContext): TenantRecord[] {
  return tenantIndex(ctx).all
}

/** Call after adding a new tenant to `ctx.state.tenants` (it has the highest `number`). */
export function tenantAdded(ctx: SandboxContext, tenant: TenantRecord): void {
  const index = indexes.get(ctx.state.tenants)
  if (!index) return
  index.all.push(tenant)
  const siblings = index.byParent.get(tenant.parent_id)
  if (siblings) siblings.push(tenant)
  else index.byParent.set(tenant.parent_id, [tenant])
}

/** Call after replacing a tenant's record in `ctx.state.tenants`: a moved tenant has its index rebuilt. */
export function tenantReplaced(ctx: SandboxContext, old: TenantRecord, next: TenantRecord): void {
  const index = indexes.get(ctx.state.tenants)
  if (!index) return
  if (old.parent_id !== next.parent_id) {
    indexes.delete(ctx.state.tenants)
    return
  }
  const swap = (list: TenantRecord[] | undefined) => {
    const at = list?.indexOf(old) ?? -1
    if (list && at >= 0) list[at] = next
  }
  swap(index.all)
  swap(index.byParent.get(old.parent_id))
}

/** Live direct children, in creation order. */
export function childrenOf(ctx: SandboxContext, parentId: string): TenantRecord[] {
  return (tenantIndex(ctx).byParent.get(parentId) ?? []).filter((t) => !t.deleted_at)
}

function someChild(ctx: SandboxContext, parentId: string, match: (tenant: TenantRecord) => boolean = () => true): boolean {
  return (tenantIndex(ctx).byParent.get(parentId) ?? []).some((t) => !t.deleted_at && match(t))
}

/** The tenant's descendants, level by level (the order subtree listings use). */
export function descendantsOf(ctx: SandboxContext, rootId: string): TenantRecord[] {
  const result: TenantRecord[] = []
  let level = childrenOf(ctx, rootId)
  while (level.length) {
    result.push(...level)
    level = level.flatMap((t) => childrenOf(ctx, t.id))
  }
  return result
}

export function isRoot(ctx: SandboxContext, tenant: TenantRecord): boolean {
  return tenant.id === ctx.state.root_tenant_id
}

/** Which kinds may sit under which; e.g. no unit directly under a partner. */
const CHILD_KINDS: Record<TenantKind, TenantKind[]> = {
  root: ["partner", "folder", "customer"],
  partner: ["partner", "folder", "customer"],
  folder: ["partner", "folder", "customer"],
  customer: ["unit"],
  unit: ["unit"],
}

export function assertChildKind(parent: TenantRecord, kind: TenantKind): void {
  if (!CHILD_KINDS[parent.kind].includes(kind)) {
    throw new ApiError(400, PlatformCode.BusinessRules, `A tenant of kind '${kind}' cannot be created under a '${parent.kind}'.`, {
      parent_id: parent.id,
      kind,
    })
  }
}

export function assertUniqueName(ctx: SandboxContext, parentId: string, name: string, selfId?: string): void {
  if (someChild(ctx, parentId, (t) => t.name === name && t.id !== selfId)) {
    throw new ApiError(409, PlatformCode.TenantNameConflict, `Tenant with name "${name}" already exists.`, { name, parent_id: parentId })
  }
}

export type LevelOfDetail = "stamps" | "basic" | "full"

export function tenantView(ctx: SandboxContext, tenant: TenantRecord, lod: LevelOfDetail = "full"): Record<string, unknown> {
  const stamps = {
    id: tenant.id,
    parent_id: tenant.parent_id,
    version: tenant.version,
    created_at: tenant.created_at,
    updated_at: tenant.updated_at,
    deleted_at: tenant.deleted_at,
  }
  if (lod === "stamps") return stamps
  const basic = { ...stamps, name: tenant.name, kind: tenant.kind, enabled: tenant.enabled }
  if (lod === "basic") return basic
  const pricing = ctx.state.pricing[tenant.id]
  return {
    ...basic,
    customer_type: tenant.customer_type,
    customer_id: tenant.customer_id,
    internal_tag: tenant.internal_tag,
    language: tenant.language,
    contact: tenant.contact,
    contacts: [],
    brand_id: null,
    brand_uuid: BRAND_UUID,
    brand_enabled: false,
    owner_id: null,
    has_children: someChild(ctx, tenant.id),
    default_idp_id: tenant.default_idp_id,
    update_lock: tenant.update_lock,
    ancestral_access: tenant.ancestral_access,
    mfa_status: tenant.mfa_status,
    pricing_mode: pricing?.mode ?? "trial",
    production_start_date: pricing?.production_start_date ?? null,
    external_operation_status: null,
  }
}
