/** Applications (services) and enabling them per tenant via bindings. */
import { APPLICATIONS, APPLICATION_IDS, applicationUsages, offeringItemsNamed, type Application } from "../catalogue"
import type { SandboxContext } from "../context"
import { ApiError, malformed, notFound, PlatformCode } from "../errors"
import type { Router } from "../http"
import { timestamp } from "../state"
import { descendantsOf, getTenant, isRoot } from "../tenancy"
import { csvParam } from "../validation"

function applicationView(app: Application) {
  return { ...app, usages: applicationUsages(app.id) }
}

function getApplication(id: string): Application {
  const app = APPLICATIONS.find((a) => a.id === id)
  if (!app) throw notFound("Application", id)
  return app
}

export function applicationRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/applications", () => ({ status: 200, body: { items: APPLICATIONS.map(applicationView) } }))

  router.add("GET", "/applications/:application_id", (req) => ({
    status: 200,
    body: applicationView(getApplication(req.params.application_id)),
  }))

  router.add("GET", "/tenants/:tenant_id/applications", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id)
    return { status: 200, body: { items: ctx.state.applications[tenant.id] ?? [] } }
  })

  router.add("GET", "/tenants/applications", (req) => {
    const ids = csvParam(req.query.get("tenants"))
    if (!ids.length) throw malformed("Query parameter 'tenants' is required.")
    const items = ids.map((id) => ({ tenant: getTenant(ctx, id).id, applications: ctx.state.applications[id] ?? [] }))
    return { status: 200, body: { items } }
  })

  router.add(
    "POST",
    "/applications/:application_id/bindings/tenants/:tenant_id",
    (req) => {
      const app = getApplication(req.params.application_id)
      const tenant = getTenant(ctx, req.params.tenant_id)
      // The parent must have the service (WHMCS enables it up the chain); status/code UNCONFIRMED.
      if (!isRoot(ctx, tenant) && !(ctx.state.applications[tenant.parent_id] ?? []).includes(app.id)) {
        throw new ApiError(400, PlatformCode.CannotEnableService, `Service ${app.type} is not enabled for the parent tenant.`, {
          application_id: app.id,
          parent_id: tenant.parent_id,
        })
      }
      const apps = (ctx.state.applications[tenant.id] ??= [])
      if (!apps.includes(app.id)) apps.push(app.id)
      return { status: 204 }
    },
    { body: "optional-json" }
  )

  router.add("DELETE", "/applications/:application_id/bindings/tenants/:tenant_id", (req) => {
    const app = getApplication(req.params.application_id)
    const tenant = getTenant(ctx, req.params.tenant_id)
    if (app.id === APPLICATION_IDS.platform && isRoot(ctx, tenant)) {
      throw new ApiError(403, PlatformCode.AccessDenied, "The management portal cannot be disabled for the API client's own tenant.")
    }
    // Turning a service off takes its offering items with it, down the subtree (UNCONFIRMED).
    const now = timestamp()
    for (const t of [tenant, ...descendantsOf(ctx, tenant.id)]) {
      ctx.state.applications[t.id] = (ctx.state.applications[t.id] ?? []).filter((id) => id !== app.id)
      const items = ctx.state.offering_items[t.id] ?? {}
      for (const [key, record] of Object.entries(items)) {
        const belongs = offeringItemsNamed(key.split("@")[0])[0]?.application_id === app.id
        if (belongs && record.status === 1) items[key] = { status: 0, updated_at: now }
      }
    }
    return { status: 204 }
  })
}
