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

/** The last usage refresh at or before `now` (ms), refreshes falling on multiples of `hours` since midnight UTC. */
function lastRefresh(now: number, hours: number): number {
  const period = hours * 3_600_000
  return Math.floor(now / period) * period
}

/**
 * Usage set through the control API is what the platform measured; the API shows it from the next refresh.
 * With `usageRefreshHours` 0 it is written at once; otherwise it waits in `usage_pending` until a refresh
 * on the sandbox clock has passed since it was set.
 */
export function recordUsage(ctx: SandboxContext, point: { tenant_id: string; key: string; date: string; value: number }): void {
  if (ctx.timing.usageRefreshHours > 0) {
    ;(ctx.state.usage_pending ??= []).push({ ...point, at: ctx.clock.now().getTime() })
    return
  }
  ;((ctx.state.usage[point.tenant_id] ??= {})[point.key] ??= {})[point.date] = point.value
}

/** Moves the usage that a refresh has picked up since into the series the API reads. */
export function applyUsageRefresh(ctx: SandboxContext): void {
  const pending = ctx.state.usage_pending ?? []
  if (!pending.length) return
  const hours = ctx.timing.usageRefreshHours
  const refreshed = hours > 0 ? lastRefresh(ctx.clock.now().getTime(), hours) : Infinity
  const waiting: typeof pending = []
  for (const point of pending) {
    if (point.at <= refreshed) ((ctx.state.usage[point.tenant_id] ??= {})[point.key] ??= {})[point.date] = point.value
    else waiting.push(point)
  }
  ctx.state.usage_pending = waiting
}

export type PricingBucket = "production" | "trial"

/**
 * Whether a day's usage is trial or production usage: a day counts as production from the UTC day the
 * tenant switched to production (its usage at 23:59:59 that day is production usage), trial before.
 */
export function pricingBucketOn(ctx: SandboxContext, tenantId: string, day: string): PricingBucket {
  const pricing = ctx.state.pricing[tenantId]
  if (!pricing || pricing.mode === "trial" || !pricing.production_start_date) return "trial"
  return day >= pricing.production_start_date.slice(0, 10) ? "production" : "trial"
}

export type UsageSplit = { production: number; trial: number; total: number }
export type UsageBreakdown = { absolute: UsageSplit; delta: UsageSplit; effective: UsageSplit }

const split = (bucket: PricingBucket, value: number): UsageSplit =>
  bucket === "production" ? { production: value, trial: 0, total: value } : { production: 0, trial: value, total: value }

/**
 * One item's usage over [start, end] split into trial and production, as usage reports give it (the split is
 * the csv_v2_0 columns `usage.{absolute,delta,effective}.{production,trial,total}`). Levels: `absolute` and
 * `effective` are the value on the end day, `delta` the change since the start day, all in the bucket of
 * the end day. Compute points (cumulative): each day's increment goes to that day's bucket; `effective` and
 * `delta` are what the period consumed, `absolute` all-time.
 */
export function usageBreakdown(
  ctx: SandboxContext,
  tenantId: string,
  def: OfferingItemDef,
  start: string,
  end: string
): UsageBreakdown {
  const series = ctx.state.usage[tenantId]?.[offeringItemKey(def.name, def.infra_id)]
  if (!isCumulative(def)) {
    const bucket = pricingBucketOn(ctx, tenantId, end)
    const atEnd = valueOn(series, end)
    return { absolute: split(bucket, atEnd), effective: split(bucket, atEnd), delta: split(bucket, atEnd - valueOn(series, start)) }
  }
  const absolute = { production: 0, trial: 0, total: 0 }
  const effective = { production: 0, trial: 0, total: 0 }
  let previous = 0
  for (const day of Object.keys(series ?? {}).sort()) {
    if (day > end) break
    const value = (series as Record<string, number>)[day]
    const increment = Math.max(0, value - previous)
    previous = value
    const bucket = pricingBucketOn(ctx, tenantId, day)
    absolute[bucket] += increment
    absolute.total += increment
    if (day >= start) {
      effective[bucket] += increment
      effective.total += increment
    }
  }
  return { absolute, effective, delta: { ...effective } }
}
