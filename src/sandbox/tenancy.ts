/** Tenant lookups, the tenant tree, and the tenant object as the API shows it. */
import type { SandboxContext } from "./context"
import { ApiError, notFound, PlatformCode } from "./errors"
import { BRAND_UUID, type TenantKind, type TenantRecord } from "./state"

export function findTenant(ctx: SandboxContext, id: string, allowDeleted = false): TenantRecord | undefined {
  const tenant = ctx.state.tenants[id]
  return tenant && (allowDeleted || !tenant.deleted_at) ? tenant : undefined
}

export function getTenant(ctx: SandboxContext, id: string, allowDeleted = false): TenantRecord {
  const tenant = findTenant(ctx, id, allowDeleted)
  if (!tenant) throw notFound("Tenant", id)
  return tenant
}

export function childrenOf(ctx: SandboxContext, parentId: string): TenantRecord[] {
  return Object.values(ctx.state.tenants)
    .filter((t) => t.parent_id === parentId && !t.deleted_at)
    .sort((a, b) => a.number - b.number)
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
  const clash = childrenOf(ctx, parentId).find((t) => t.name === name && t.id !== selfId)
  if (clash) {
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
    has_children: childrenOf(ctx, tenant.id).length > 0,
    default_idp_id: tenant.default_idp_id,
    update_lock: tenant.update_lock,
    ancestral_access: tenant.ancestral_access,
    mfa_status: tenant.mfa_status,
    pricing_mode: pricing?.mode ?? "trial",
    production_start_date: pricing?.production_start_date ?? null,
    external_operation_status: null,
  }
}
