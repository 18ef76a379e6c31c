/** Current-period usage: `GET /tenants/usages` (batch) and `GET /tenants/{id}/usages`. */
import type { SandboxContext } from "../context"
import { malformed } from "../errors"
import type { Router, SandboxRequest } from "../http"
import { utcDay } from "../state"
import { getTenant } from "../tenancy"
import { applyUsageRefresh, monthStart, tenantUsages, type UsageFilter } from "../usage"
import { csvParam } from "../validation"

/**
 * Without `editions` only the legacy `standard` edition's usages come back, like the offering-item reads whose
 * documented default is `standard`: a client that names no editions misses every per-workload and per-gigabyte
 * usage. The spec gives this parameter no default and no `*`, so both are UNCONFIRMED (README); edition-less
 * usages always come back.
 */
const DEFAULT_USAGE_EDITIONS = ["standard"]

function filterFrom(req: SandboxRequest): UsageFilter {
  const editions = csvParam(req.query.get("editions"))
  return { usageNames: csvParam(req.query.get("usage_names")), editions: editions.length ? editions : DEFAULT_USAGE_EDITIONS }
}

export function usageRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/tenants/usages", (req) => {
    const ids = csvParam(req.query.get("tenants"))
    if (!ids.length) throw malformed("Query parameter 'tenants' is required.")
    applyUsageRefresh(ctx)
    const today = utcDay(ctx.clock.now())
    const items = ids.map((id) => {
      const tenant = getTenant(ctx, id)
      return { tenant: tenant.id, usages: tenantUsages(ctx, tenant, monthStart(today), today, filterFrom(req)) }
    })
    return { status: 200, body: { items } }
  })

  router.add("GET", "/tenants/:tenant_id/usages", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id)
    applyUsageRefresh(ctx)
    const today = utcDay(ctx.clock.now())
    return { status: 200, body: { items: tenantUsages(ctx, tenant, monthStart(today), today, filterFrom(req)) } }
  })
}
