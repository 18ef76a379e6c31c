/**
 * `GET /search` (spec operation `Search`): tenants and users in the subtree of `tenant` whose searchable
 * properties contain `text`, case-insensitively. Tenants match on name and contact first name, last name
 * and e-mail; users on login, e-mail, first and last name. The spec also names a tenant's `custom_id`,
 * a field no tenant object has: it is not matched here (UNCONFIRMED which field it is), so no caller can
 * come to depend on it.
 */
import type { SandboxContext } from "../context"
import { malformed } from "../errors"
import type { Router } from "../http"
import type { TenantRecord, UserRecord } from "../state"
import { allTenants, getTenant } from "../tenancy"
import { requireInteger } from "../validation"

/** The spec's default; it gives no maximum. */
const DEFAULT_LIMIT = 10

/** Names of the tenants from `rootId` down to `tenant`'s parent, or undefined when `tenant` is outside that subtree. */
function pathFrom(ctx: SandboxContext, rootId: string, tenantId: string): string[] | undefined {
  const names: string[] = []
  let current: TenantRecord | undefined = ctx.state.tenants[tenantId]
  while (current) {
    names.unshift(current.name)
    if (current.id === rootId) return names
    current = ctx.state.tenants[current.parent_id]
  }
  return undefined
}

const contains = (needle: string, ...values: unknown[]) =>
  values.some((value) => typeof value === "string" && value.toLowerCase().includes(needle))

export function searchRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/search", (req) => {
    const q = req.query
    const tenantId = q.get("tenant")
    if (!tenantId) throw malformed("Query parameter 'tenant' is required.")
    const text = q.get("text")
    if (!text) throw malformed("Query parameter 'text' is required.")
    const limit = q.has("limit") ? requireInteger(q.get("limit"), "limit") : DEFAULT_LIMIT
    if (limit < 1) throw malformed("'limit' must be at least 1.")
    const allowDeleted = q.get("allow_deleted") === "true"
    const root = getTenant(ctx, tenantId)
    const needle = text.toLowerCase()

    const items: Record<string, unknown>[] = []
    const tenants = allTenants(ctx)
      .filter((t) => t.id !== root.id && (allowDeleted || !t.deleted_at))
      .filter((t) => contains(needle, t.name, t.contact.firstname, t.contact.lastname, t.contact.email))
      .sort((a, b) => a.number - b.number)
    for (const tenant of tenants) {
      if (items.length >= limit) break
      const path = pathFrom(ctx, root.id, tenant.parent_id)
      if (!path) continue
      items.push({
        obj_type: "tenant",
        id: tenant.id,
        parent_id: tenant.parent_id,
        path,
        kind: tenant.kind,
        name: tenant.name,
        first_name: (tenant.contact.firstname as string | undefined) || null,
        last_name: (tenant.contact.lastname as string | undefined) || null,
        deleted_at: tenant.deleted_at,
      })
    }
    const users = Object.values(ctx.state.users).filter((u: UserRecord) => allowDeleted || !u.deleted_at)
    for (const user of users) {
      if (items.length >= limit) break
      if (!contains(needle, user.login, user.contact.email, user.contact.firstname, user.contact.lastname)) continue
      const path = pathFrom(ctx, root.id, user.tenant_id)
      if (!path) continue
      items.push({
        obj_type: "user",
        id: user.id,
        parent_id: user.tenant_id,
        path,
        login: user.login,
        first_name: (user.contact.firstname as string | undefined) || null,
        last_name: (user.contact.lastname as string | undefined) || null,
        deleted_at: user.deleted_at,
      })
    }
    return { status: 200, body: { items } }
  })
}
