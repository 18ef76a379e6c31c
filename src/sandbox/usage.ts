/**
 * Usage as the platform reports it, computed from the stored per-day series
 * (tenant × offering item × storage × UTC day). A day without a value carries the last known one.
 */
import { OFFERING_ITEMS, offeringItemKey, type OfferingItemDef } from "./catalogue"
import type { SandboxContext } from "./context"
import { tenantOfferingItems } from "./offering"
import type { TenantRecord } from "./state"

export function valueOn(series: Record<string, number> | undefined, day: string): number {
  let best: string | undefined
  for (const d of Object.keys(series ?? {})) if (d <= day && (!best || d > best)) best = d
  return best ? (series as Record<string, number>)[best] : 0
}

export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return date.toISOString().slice(0, 10)
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`
}

/**
 * Compute points (seconds) are cumulative counters: `value` counts since range start, `absolute_value`
 * all-time. Everything else is a level, so both are the value on the day.
 */
function isCumulative(def: OfferingItemDef): boolean {
  return def.measurement_unit === "seconds"
}

export interface UsageFilter {
  usageNames?: string[]
  editions?: string[]
}

/** Usage objects (spec `usageOutput`) for one tenant over [rangeStart, asOf]. */
export function tenantUsages(
  ctx: SandboxContext,
  tenant: TenantRecord,
  rangeStart: string,
  asOf: string,
  filter: UsageFilter = {}
): Record<string, unknown>[] {
  const series = ctx.state.usage[tenant.id] ?? {}
  const items = new Map(tenantOfferingItems(ctx, tenant).map((entry) => [entry.key, entry]))
  const keys = new Set<string>()
  for (const entry of items.values()) if (entry.record.status === 1 && entry.def.type !== "feature") keys.add(entry.key)
  for (const key of Object.keys(series)) keys.add(key)

  const usages: Record<string, unknown>[] = []
  for (const def of OFFERING_ITEMS) {
    const key = offeringItemKey(def.name, def.infra_id)
    if (!keys.has(key)) continue
    const record = items.get(key)?.record ?? { status: 0 }
    if (filter.usageNames?.length && !filter.usageNames.includes(def.usage_name)) continue
    if (filter.editions?.length && def.edition !== null && !filter.editions.includes(def.edition)) continue
    const absolute = valueOn(series[key], asOf)
    const value = isCumulative(def) ? Math.max(0, absolute - valueOn(series[key], previousDay(rangeStart))) : absolute
    const usage: Record<string, unknown> = {
      application_id: def.application_id,
      name: def.name,
      edition: def.edition,
      usage_name: def.usage_name,
      type: def.type,
      measurement_unit: def.measurement_unit,
      tenant_id: tenant.number,
      tenant_uuid: tenant.id,
      range_start: `${rangeStart}T00:00:00`,
      value,
      absolute_value: absolute,
    }
    if (def.infra_id) usage.infra_id = def.infra_id
    usage.offering_item = record.status === 1 && record.quota ? { status: 1, quota: record.quota } : { status: record.status }
    usages.push(usage)
  }
  return usages
}

/** The value an item has today, for the "disabling an item with usage" check. */
export function currentUsage(ctx: SandboxContext, tenantId: string, key: string, today: string): number {
  return valueOn(ctx.state.usage[tenantId]?.[key], today)
}
