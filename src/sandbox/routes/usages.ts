/** Current-period usage: `GET /tenants/usages` (batch) and `GET /tenants/{id}/usages`. */
import type { SandboxContext } from "../context"
import { malformed } from "../errors"
import type { Router, SandboxRequest } from "../http"
import { utcDay } from "../state"
import { getTenant } from "../tenancy"
import { applyUsageRefresh, monthStart, tenantUsages, type UsageFilter } from "../usage"
import { csvParam } from "../validation"

function filterFrom(req: SandboxRequest): UsageFilter {
  return { usageNames: csvParam(req.query.get("usage_names")), editions: csvParam(req.query.get("editions")) }
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
