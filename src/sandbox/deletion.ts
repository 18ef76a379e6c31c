/**
 * Tenant deletion is asynchronous on the platform. `DELETE /tenants/{id}` answers 204 at once; the tenant and
 * its subtree then show `external_operation_status: "deleting"` (the spec's field) while their services are
 * deprovisioned, and writes to them are refused with code 1011 "Deprovisioning in progress" (Acronis's error
 * code list). When the sandbox clock passes `ctx.tenantDeletionSeconds`, they are gone: 404, and
 * `allow_deleted=true` shows them with `deleted_at`.
 */
import type { SandboxContext } from "./context"
import { ApiError, PlatformCode } from "./errors"
import { timestamp, type TenantRecord } from "./state"
import { descendantsOf } from "./tenancy"

/** How long the platform takes, UNCONFIRMED (the docs say only that the tenant is deleted); tests move the clock. */
export const DEFAULT_TENANT_DELETION_SECONDS = 60

/** Starts deleting a disabled tenant and its subtree; they go when the sandbox clock reaches the end. */
export function startDeletion(ctx: SandboxContext, tenant: TenantRecord): void {
  const now = ctx.clock.now()
  const completesAt = new Date(now.getTime() + ctx.tenantDeletionSeconds * 1000).toISOString()
  const deletions = (ctx.state.deletions ??= {})
  for (const t of [tenant, ...descendantsOf(ctx, tenant.id)]) {
    deletions[t.id] = completesAt
    t.version += 1
    t.updated_at = timestamp(now)
  }
}

export function isBeingDeleted(ctx: SandboxContext, tenantId: string): boolean {
  return ctx.state.deletions?.[tenantId] !== undefined
}

/** Finishes the deletions whose time has come on the sandbox clock; called before every request. True if any did. */
export function settleDeletions(ctx: SandboxContext): boolean {
  const deletions = ctx.state.deletions
  if (!deletions) return false
  const now = ctx.clock.now().getTime()
  let settled = false
  for (const [id, completesAt] of Object.entries(deletions)) {
    if (Date.parse(completesAt) > now) continue
    delete deletions[id]
    settled = true
    const tenant = ctx.state.tenants[id]
    if (tenant && !tenant.deleted_at) markDeleted(ctx, tenant, timestamp(new Date(completesAt)))
  }
  return settled
}

/** Soft delete, like the platform: the tenant, anything created below it meanwhile, and their users. */
function markDeleted(ctx: SandboxContext, tenant: TenantRecord, at: string): void {
  for (const t of [tenant, ...descendantsOf(ctx, tenant.id)]) {
    t.deleted_at = at
    t.updated_at = at
    t.version += 1
    for (const user of Object.values(ctx.state.users)) {
      if (user.tenant_id === t.id && !user.deleted_at) user.deleted_at = at
    }
  }
}

/**
 * Any write addressed to a tenant being deleted (`/tenants/{id}…`, `…/bindings/tenants/{id}`, settings) is
 * refused with 1011; reads go on and show the status. HTTP 400 is UNCONFIRMED (1006, the documented
 * neighbour, is 400).
 */
export function refuseWritesDuringDeletion(ctx: SandboxContext, method: string, path: string): void {
  if (method === "GET" || !ctx.state.deletions) return
  const segments = path.split("/")
  for (let i = 0; i < segments.length - 1; i++) {
    if (segments[i] !== "tenants") continue
    const id = decodeURIComponent(segments[i + 1])
    if (isBeingDeleted(ctx, id)) {
      throw new ApiError(400, PlatformCode.DeprovisioningInProgress, "Deprovisioning in progress.", { id }, `Deprovisioning of tenant "${id}" is in progress.`)
    }
  }
}
