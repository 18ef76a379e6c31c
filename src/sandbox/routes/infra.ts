/** Storages ("infrastructure components"): read-only here, as a tenant's admin sees them. */
import { INFRAS } from "../catalogue"
import type { SandboxContext } from "../context"
import { malformed, notFound } from "../errors"
import type { Router } from "../http"
import { csvParam } from "../validation"

function infraView(infra: (typeof INFRAS)[number], ctx: SandboxContext) {
  // Platform-owned storages belong to no partner; the partner-hosted one to the API client's root (simplified).
  return { ...infra, capabilities: [...infra.capabilities], owner_tenant_id: ctx.state.root_tenant_id, version: 1, readonly: false }
}

function getInfra(id: string) {
  const infra = INFRAS.find((candidate) => candidate.id === id)
  if (!infra) throw notFound("Infra", id)
  return infra
}

export function infraRoutes(router: Router, ctx: SandboxContext): void {
  // `uuids` is required (FetchInfrastructuresBatch); an unknown id is a 404, like the single read.
  router.add("GET", "/infra", (req) => {
    const ids = csvParam(req.query.get("uuids"))
    if (!ids.length) throw malformed("Query parameter 'uuids' is required.")
    return { status: 200, body: { items: ids.map((id) => infraView(getInfra(id), ctx)) } }
  })

  router.add("GET", "/infra/:infra_id", (req) => ({ status: 200, body: infraView(getInfra(req.params.infra_id), ctx) }))
}
