/**
 * Our snapshots against Acronis's `usage_summary` report for the same month, compared like with like: the
 * report gives, per tenant, offering item and storage, the value on the period's last day (levels) or the
 * seconds consumed in the period (compute points), so that is what we derive from our snapshots. Any
 * difference is returned, never smoothed over. Acronis splits each row into production and trial usage
 * (`usage.effective.production|trial`); ours are split by the pricing mode each snapshot was synced in, and
 * production is compared with production, trial with trial.
 */
import { counterDelta, levelOn, usageInMode, type UsageMode, type UsageSnapshotInput } from "./quantities"
import { periodBounds, type Period } from "./period"

type Split = { production?: number | string; trial?: number | string; total?: number | string }

export type ReportRow = {
  name: string
  infra_id?: string | null
  value: number | string
  measurement_unit?: string
  /** What the period used, split by pricing mode (the report's `usage.effective`). */
  usage?: { effective?: Split }
}

export type ReconciliationDifference = {
  pricing_mode: UsageMode
  offering_item: string
  infra_id: string | null
  ours: string
  acronis: string
}

export type Reconciliation = {
  status: "matched" | "mismatch"
  compared: number
  details: ReconciliationDifference[]
  report_id?: string | null
}

const key = (name: string, infra: string | null | undefined) => `${name}@${infra ?? ""}`

/** What the month's report should say for one item on one storage, from our snapshots. */
export function expectedFromSnapshots(snapshots: UsageSnapshotInput[], period: Period): Map<string, bigint> {
  const { start, end } = periodBounds(period)
  const groups = new Map<string, UsageSnapshotInput[]>()
  for (const s of snapshots) groups.set(key(s.offering_item, s.infra_id || null), [...(groups.get(key(s.offering_item, s.infra_id || null)) ?? []), s])
  const out = new Map<string, bigint>()
  for (const [k, series] of groups) {
    if (series[0].measurement_unit === "seconds") out.set(k, counterDelta(series, start, end).delta)
    else out.set(k, levelOn(new Map([["", series]]), end).total)
  }
  return out
}

/** A row's effective usage in one mode; a row without the split is all production. */
function rowValue(row: ReportRow, mode: UsageMode): bigint {
  const effective = row.usage?.effective
  if (!effective) return mode === "production" ? BigInt(row.value) : 0n
  return BigInt(effective[mode] ?? 0)
}

export function reconcile(snapshots: UsageSnapshotInput[], reportRows: ReportRow[], period: Period): Reconciliation {
  const details: ReconciliationDifference[] = []
  let compared = 0
  for (const mode of ["production", "trial"] as const) {
    const ours = expectedFromSnapshots(usageInMode(snapshots, mode), period)
    const theirs = new Map<string, bigint>()
    for (const row of reportRows) {
      const k = key(row.name, row.infra_id)
      theirs.set(k, (theirs.get(k) ?? 0n) + rowValue(row, mode))
    }
    for (const k of [...new Set([...ours.keys(), ...theirs.keys()])].sort()) {
      const a = ours.get(k) ?? 0n
      const b = theirs.get(k) ?? 0n
      // The report hides zero lines (`hide_zero_usage`): a zero on both sides is nothing to compare.
      if (a === 0n && b === 0n) continue
      compared += 1
      if (a !== b) {
        const [name, infra] = k.split("@")
        details.push({ pricing_mode: mode, offering_item: name, infra_id: infra || null, ours: a.toString(), acronis: b.toString() })
      }
    }
  }
  return { status: details.length ? "mismatch" : "matched", compared, details }
}
