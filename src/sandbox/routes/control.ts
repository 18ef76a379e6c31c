/** The control API under /__sandbox: reset, faults, latency, sent e-mails, request log, usage, state. */
import { OFFERING_ITEMS, offeringItemKey, offeringItemsNamed, type OfferingItemDef } from "../catalogue"
import type { SandboxContext } from "../context"
import { malformed } from "../errors"
import { parseFault } from "../faults"
import type { Router } from "../http"
import { tenantOfferingItems } from "../offering"
import type { TenantRecord } from "../state"
import { getTenant, inClientTree, tenantView } from "../tenancy"
import { requireObject } from "../validation"
import { userView } from "./users"

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

interface UsagePoint {
  tenant: TenantRecord
  key: string
  date: string
  value: number
}

/** Resolves an item by name (+ edition), picking the tenant's enabled storage when infra_id is left out. */
function resolveItem(ctx: SandboxContext, tenant: TenantRecord, name: string, edition: unknown, infraId: unknown): OfferingItemDef {
  let defs = offeringItemsNamed(name)
  if (edition !== undefined) defs = defs.filter((d) => d.edition === edition)
  if (typeof infraId === "string") defs = defs.filter((d) => d.infra_id === infraId)
  if (!defs.length) throw malformed(`No offering item ${name}${edition ? ` (${String(edition)})` : ""} in the catalogue.`)
  const enabled = new Set(tenantOfferingItems(ctx, tenant).filter((e) => e.record.status === 1).map((e) => e.key))
  return defs.find((d) => enabled.has(offeringItemKey(d.name, d.infra_id))) ?? defs[0]
}

function parseUsagePoint(ctx: SandboxContext, raw: unknown): UsagePoint {
  const item = requireObject(raw, "usage item")
  if (typeof item.tenant_id !== "string") throw malformed("'tenant_id' is required.")
  if (typeof item.offering_item !== "string") throw malformed("'offering_item' (the item's name) is required.")
  if (typeof item.date !== "string" || !DAY_RE.test(item.date)) throw malformed("'date' must be YYYY-MM-DD.")
  if (!Number.isInteger(item.value) || (item.value as number) < 0) throw malformed("'value' must be a non-negative integer.")
  const tenant = getTenant(ctx, item.tenant_id)
  const def = resolveItem(ctx, tenant, item.offering_item, item.edition, item.infra_id)
  return { tenant, key: offeringItemKey(def.name, def.infra_id), date: item.date, value: item.value as number }
}

export function controlRoutes(router: Router, ctx: SandboxContext): void {
  router.add("POST", "/reset", () => {
    ctx.reset()
    return { status: 204 }
  })

  router.add("POST", "/faults", (req) => {
    const fault = parseFault(requireObject(req.body))
    ctx.faults.add(fault)
    return { status: 201, body: { id: fault.id } }
  })
  router.add("GET", "/faults", () => ({ status: 200, body: { items: ctx.faults.list() } }))
  router.add("DELETE", "/faults", () => {
    ctx.faults.clear()
    return { status: 204 }
  })

  router.add("PUT", "/latency", (req) => {
    const ms = requireObject(req.body).ms
    if (typeof ms !== "number" || ms < 0) throw malformed("'ms' must be a non-negative number.")
    ctx.latencyMs = ms
    return { status: 204 }
  })

  // {at}: freeze there; {run_from}: run on from there; {advance_ms}: move forward; DELETE: host time.
  router.add("PUT", "/clock", (req) => {
    const body = requireObject(req.body)
    const instant = (field: string): Date => {
      const value = body[field]
      const at = typeof value === "string" ? new Date(value) : undefined
      if (!at || Number.isNaN(at.getTime())) throw malformed(`'${field}' must be an ISO 8601 date-time.`)
      return at
    }
    if (body.at !== undefined) ctx.clock.freeze(instant("at"))
    else if (body.run_from !== undefined) ctx.clock.runFrom(instant("run_from"))
    if (body.advance_ms !== undefined) {
      if (typeof body.advance_ms !== "number" || !Number.isFinite(body.advance_ms) || body.advance_ms < 0) {
        throw malformed("'advance_ms' must be a non-negative number.")
      }
      ctx.clock.advance(body.advance_ms)
    }
    if (body.at === undefined && body.run_from === undefined && body.advance_ms === undefined) {
      throw malformed("Give one of 'at', 'run_from' or 'advance_ms'.")
    }
    return { status: 200, body: ctx.clock.describe() }
  })
  router.add("GET", "/clock", () => ({ status: 200, body: ctx.clock.describe() }))
  router.add("DELETE", "/clock", () => {
    ctx.clock.release()
    return { status: 204 }
  })

  router.add("POST", "/tokens/expire", () => {
    ctx.tokens.expireAll()
    return { status: 204 }
  })

  router.add("GET", "/emails", () => ({ status: 200, body: { items: ctx.state.emails } }))

  router.add("GET", "/requests", () => ({ status: 200, body: { items: ctx.requestLog } }))
  router.add("DELETE", "/requests", () => {
    ctx.requestLog = []
    return { status: 204 }
  })

  router.add("PUT", "/usages", (req) => {
    const items = requireObject(req.body).items
    if (!Array.isArray(items)) throw malformed("'items' is required and must be a list.")
    const points = items.map((raw) => parseUsagePoint(ctx, raw))
    for (const { tenant, key, date, value } of points) {
      const series = ((ctx.state.usage[tenant.id] ??= {})[key] ??= {})
      series[date] = value
    }
    return { status: 204 }
  })

  router.add("GET", "/usages", (req) => {
    const tenantId = req.query.get("tenant_id")
    const tenantIds = tenantId ? [getTenant(ctx, tenantId, true).id] : Object.keys(ctx.state.usage)
    const items = tenantIds.flatMap((id) =>
      OFFERING_ITEMS.map((def) => ({ def, series: ctx.state.usage[id]?.[offeringItemKey(def.name, def.infra_id)] }))
        .filter(({ series }) => series)
        .map(({ def, series }) => ({
          tenant_id: id,
          offering_item: def.name,
          edition: def.edition,
          infra_id: def.infra_id ?? null,
          series: Object.entries(series ?? {})
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([date, value]) => ({ date, value })),
        }))
    )
    return { status: 200, body: { items } }
  })

  // The client's tree under `tenants`/`users`; the seeded foreign subtree apart, under `foreign`.
  router.add("GET", "/state", () => {
    const [own, foreign] = partition(Object.values(ctx.state.tenants).sort((a, b) => a.number - b.number), (t) => inClientTree(ctx, t.id))
    const [ownUsers, foreignUsers] = partition(Object.values(ctx.state.users), (u) => inClientTree(ctx, u.tenant_id))
    const tenants = own
      .map((tenant) => ({
        ...tenantView(ctx, tenant),
        applications: ctx.state.applications[tenant.id] ?? [],
        settings: ctx.state.settings?.[tenant.id] ?? {},
        offering_items: tenantOfferingItems(ctx, tenant)
          .filter((e) => e.record.status === 1)
          .map(({ def, record }) => ({ name: def.name, edition: def.edition, infra_id: def.infra_id ?? null, quota: record.quota ?? null })),
      }))
    const users = ownUsers.map((user) => userView(ctx, user, true))
    return {
      status: 200,
      body: {
        root_tenant_id: ctx.state.root_tenant_id,
        client_id: ctx.clientId,
        tenants,
        users,
        foreign: { tenants: foreign.map((t) => tenantView(ctx, t)), users: foreignUsers.map((u) => userView(ctx, u)) },
      },
    }
  })
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))]
}
