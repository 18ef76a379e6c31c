/**
 * The sandbox's API client and its status. Acronis's partner guide: disabling a tenant disables "all API clients
 * within the tenant and its sub-tenants ... all integrations using these clients will stop working". A disabled
 * client gets no token ("Disabled clients can no longer be used to receive Access Tokens", spec `client.status`)
 * and, here, its tokens stop working too. Enabling the tenant again does not re-enable the client: nothing Acronis
 * publishes says it does (UNCONFIRMED), and the client has a status of its own (`PUT /clients/{id}`).
 *
 * The sandbox's only API client belongs to the root tenant, which only the platform above it (the distributor)
 * can disable or enable again; the control API plays that part.
 */
import type { SandboxContext } from "./context"
import { malformed } from "./errors"
import type { Router } from "./http"
import { timestamp, type TenantRecord } from "./state"
import { isRoot, tenantReplaced } from "./tenancy"
import { requireObject } from "./validation"

export function apiClientEnabled(ctx: SandboxContext): boolean {
  return ctx.state.client_status !== "disabled"
}

/** Call when a tenant goes from enabled to disabled: the API clients it owns are disabled with it. */
export function disableApiClientsOf(ctx: SandboxContext, tenant: TenantRecord): void {
  if (isRoot(ctx, tenant)) ctx.state.client_status = "disabled"
}

/**
 * `PUT /__sandbox/root-tenant {enabled}`: the distributor above the partner disables or enables its tenant.
 * `PUT /__sandbox/client {status}`: the partner's administrator enables or disables the API client again.
 */
export function apiClientControlRoutes(router: Router, ctx: SandboxContext): void {
  router.add("PUT", "/root-tenant", (req) => {
    const { enabled } = requireObject(req.body)
    if (typeof enabled !== "boolean") throw malformed("'enabled' must be a boolean.")
    const root = ctx.state.tenants[ctx.state.root_tenant_id]
    if (root.enabled && !enabled) disableApiClientsOf(ctx, root)
    if (root.enabled !== enabled) {
      const next = { ...root, enabled, version: root.version + 1, updated_at: timestamp(ctx.clock.now()) }
      ctx.state.tenants[root.id] = next
      tenantReplaced(ctx, root, next)
    }
    return { status: 200, body: { enabled, client_status: ctx.state.client_status ?? "enabled" } }
  })

  router.add("PUT", "/client", (req) => {
    const { status } = requireObject(req.body)
    if (status !== "enabled" && status !== "disabled") throw malformed("'status' must be 'enabled' or 'disabled'.")
    ctx.state.client_status = status
    return { status: 200, body: { status } }
  })
}
