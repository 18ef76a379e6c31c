/**
 * What a month's usage amounts to, per offering item, from the daily snapshots we synced. Same rules as
 * Acronis: a day without a snapshot carries the storage's last known value; compute points (seconds) are
 * cumulative counters, everything else is a level. Several storages (infras) of one item add up per day
 * before the peak is taken, so a second storage never overwrites the first.
 *
 * Usage is measured on the service's days only (its spans): a day the tenant was suspended counts for
 * nothing, though a value synced before it still carries into the next span.
 */
import { addDays, daysFrom, type DayRange } from "./period"
import { ratio, type Ratio } from "./exact"

export type UsageSnapshotInput = {
  id: string
  offering_item: string
  infra_id: string
  measurement_unit: string
  day: string
  /** Integer as a decimal string: bytes exceed 2^53. */
  value: string
  absolute_value: string
  /** The item's Acronis edition (null for items without one); a month billed in parts bills only its parts' editions. */
  edition?: string | null
  /** The tenant's Acronis pricing mode when the day was synced: trial usage is not billed. Absent: production. */
  pricing_mode?: string | null
}

export type UsageMode = "production" | "trial"

const modeOf = (s: UsageSnapshotInput): UsageMode => (s.pricing_mode === "trial" ? "trial" : "production")

/**
 * The snapshots as they count for one pricing mode (Acronis splits usage into trial and production; only
 * production usage is billed). A level synced in the other mode counts as 0 that day. A compute-point counter
 * keeps running, but the seconds it gained on days synced in the other mode are taken out of it, so
 * `counterDelta` over any span gives only this mode's seconds.
 */
export function usageInMode(snapshots: UsageSnapshotInput[], mode: UsageMode): UsageSnapshotInput[] {
  const out: UsageSnapshotInput[] = []
  const series = new Map<string, UsageSnapshotInput[]>()
  for (const s of snapshots) {
    if (s.measurement_unit !== "seconds") {
      out.push(modeOf(s) === mode ? s : { ...s, value: "0", absolute_value: "0" })
      continue
    }
    const k = `${s.offering_item}@${s.infra_id}`
    series.set(k, [...(series.get(k) ?? []), s])
  }
  for (const list of series.values()) {
    let previous: bigint | undefined
    let otherTotal = 0n
    const otherInMonth = new Map<string, bigint>()
    for (const s of [...list].sort((a, b) => a.day.localeCompare(b.day))) {
      const absolute = BigInt(s.absolute_value)
      const value = BigInt(s.value)
      const month = s.day.slice(0, 7)
      // Without an earlier snapshot, `value` (since the 1st) is what the counter gained up to this day.
      const gained = absolute - (previous ?? absolute - value)
      if (modeOf(s) !== mode) {
        otherTotal += gained
        // `value` counts from the 1st: at most that much of the gain falls in this month.
        otherInMonth.set(month, (otherInMonth.get(month) ?? 0n) + (gained < value ? gained : value))
      }
      previous = absolute
      const inMonth = value - (otherInMonth.get(month) ?? 0n)
      out.push({ ...s, absolute_value: (absolute - otherTotal).toString(), value: (inMonth > 0n ? inMonth : 0n).toString() })
    }
  }
  return out
}

export type StorageBasis = "peak" | "last_day"

export const BYTES_PER_GB = 1073741824n
export const SECONDS_PER_HOUR = 3600n

export type ItemQuantity = {
  offering_item: string
  measurement_unit: string
  /** In Acronis units: bytes, seconds or a count. */
  raw: bigint
  /** In billing units: GB (binary), hours, or the count. */
  quantity: Ratio
  unit: "GB" | "hours" | "units"
  /** The snapshots the quantity was read from, and the days they stand for. */
  snapshot_ids: string[]
  days: string[]
}

export function billingUnit(measurementUnit: string): { unit: ItemQuantity["unit"]; per: bigint } {
  if (measurementUnit === "bytes") return { unit: "GB", per: BYTES_PER_GB }
  if (measurementUnit === "seconds") return { unit: "hours", per: SECONDS_PER_HOUR }
  return { unit: "units", per: 1n }
}

type Series = UsageSnapshotInput[]

/** The snapshot in force on `day`: the latest one on or before it. */
function inForce(series: Series, day: string): UsageSnapshotInput | undefined {
  let best: UsageSnapshotInput | undefined
  for (const snapshot of series) if (snapshot.day <= day && (!best || snapshot.day > best.day)) best = snapshot
  return best
}

function byInfra(snapshots: UsageSnapshotInput[]): Map<string, Series> {
  const out = new Map<string, Series>()
  for (const s of snapshots) out.set(s.infra_id, [...(out.get(s.infra_id) ?? []), s])
  return out
}

/** A level item's total across storages on one day, and the snapshots that made it. */
export function levelOn(infras: Map<string, Series>, day: string): { total: bigint; ids: string[] } {
  let total = 0n
  const ids: string[] = []
  for (const series of infras.values()) {
    const snapshot = inForce(series, day)
    if (snapshot) {
      total += BigInt(snapshot.value)
      ids.push(snapshot.id)
    }
  }
  return { total, ids }
}

/**
 * Seconds consumed in [from, to] on one storage: all-time counter at `to` minus the counter just before
 * `from`. Without a snapshot before `from`, the first snapshot's `absolute_value - value` is the counter at
 * the start of its month (`value` counts from the 1st).
 */
export function counterDelta(series: Series, from: string, to: string): { delta: bigint; ids: string[] } {
  const end = inForce(series, to)
  if (!end || end.day < from) return { delta: 0n, ids: [] }
  const before = inForce(series, addDays(from, -1))
  if (before) return { delta: BigInt(end.absolute_value) - BigInt(before.absolute_value), ids: [before.id, end.id] }
  const first = series.filter((s) => s.day >= from).sort((a, b) => a.day.localeCompare(b.day))[0]
  const baseline = BigInt(first.absolute_value) - BigInt(first.value)
  return { delta: BigInt(end.absolute_value) - baseline, ids: first.id === end.id ? [end.id] : [first.id, end.id] }
}

/** The days measured: spans, or one window (a span of its own). */
export type MeasuredDays = DayRange[] | DayRange

const asSpans = (days: MeasuredDays): DayRange[] => (Array.isArray(days) ? days : [days])

function spanDays(spans: DayRange[]): string[] {
  return spans.flatMap((s) => daysFrom(s.from, s.to))
}

/**
 * One item's billable quantity over the spans (sorted, not overlapping): seconds consumed in each span, the
 * level on the last span day, or the peak over the span days. Snapshots may start before the first span
 * (carried forward).
 */
export function measureItem(snapshots: UsageSnapshotInput[], days: MeasuredDays, basis: StorageBasis): ItemQuantity {
  const spans = asSpans(days)
  const [{ offering_item, measurement_unit }] = snapshots
  const infras = byInfra(snapshots)
  const { unit, per } = billingUnit(measurement_unit)
  let raw = 0n
  let ids: string[] = []
  let measured: string[] = []
  const lastDay = spans.at(-1)?.to

  if (measurement_unit === "seconds") {
    // Per span, so the seconds consumed while the service was off are not billed.
    for (const series of infras.values()) {
      for (const span of spans) {
        const { delta, ids: used } = counterDelta(series, span.from, span.to)
        raw += delta
        ids.push(...used)
      }
    }
    measured = lastDay ? [spans[0].from, lastDay] : []
  } else if (measurement_unit === "bytes" && basis === "last_day") {
    if (lastDay) ({ total: raw, ids } = levelOn(infras, lastDay))
    measured = lastDay ? [lastDay] : []
  } else {
    // Storage on a peak basis and every count: the highest daily total on a span day; the first day it was reached.
    let best: { total: bigint; ids: string[]; day: string } | undefined
    for (const day of spanDays(spans)) {
      const level = levelOn(infras, day)
      if (!best || level.total > best.total) best = { ...level, day }
    }
    raw = best?.total ?? 0n
    ids = best?.ids ?? []
    measured = best ? [best.day] : []
  }
  return { offering_item, measurement_unit, raw, quantity: ratio(raw, per), unit, snapshot_ids: [...new Set(ids)], days: measured }
}

/** Every item's quantity over the spans, items in name order. */
export function measureUsage(snapshots: UsageSnapshotInput[], days: MeasuredDays, basis: StorageBasis): ItemQuantity[] {
  const byItem = new Map<string, UsageSnapshotInput[]>()
  for (const s of snapshots) byItem.set(s.offering_item, [...(byItem.get(s.offering_item) ?? []), s])
  return [...byItem.keys()].sort().map((item) => measureItem(byItem.get(item)!, days, basis))
}

/** Peak over the span days of the daily sum of several count items (a plan's user accounts). */
export function peakOfSum(
  snapshots: UsageSnapshotInput[],
  items: string[],
  days: MeasuredDays
): { peak: bigint; day: string | null; ids: string[] } {
  const relevant = snapshots.filter((s) => items.includes(s.offering_item))
  const perItem = items.map((item) => byInfra(relevant.filter((s) => s.offering_item === item)))
  let best = { peak: 0n, day: null as string | null, ids: [] as string[] }
  for (const day of spanDays(asSpans(days))) {
    const levels = perItem.map((infras) => levelOn(infras, day))
    const total = levels.reduce((sum, l) => sum + l.total, 0n)
    if (best.day === null || total > best.peak) best = { peak: total, day, ids: levels.flatMap((l) => l.ids) }
  }
  return best
}
