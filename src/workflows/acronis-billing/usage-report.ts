import type { MedusaContainer } from "@medusajs/framework/types"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../modules/acronis-billing/service"
import { addDays, periodBounds } from "../../modules/acronis-billing/domain/period"
import type { ReportRow } from "../../modules/acronis-billing/domain/reconciliation"

/** Between polls of a report's stored files: Acronis takes a minute or two to render one. */
const REPORT_POLL_MS = 2_000
/** How long a close run waits for the report before it gives up for this run (the next run asks again). */
export const REPORT_PATIENCE_MS = 5 * 60_000

export type MonthUsageReport = { available: true; report_id: string } | { available: false; error: string }

/**
 * The month's `usage_summary` report (root tenant, level `accounts`, json_v2_0), fetched from Acronis once and
 * kept. A close run calls this once per month it closes, so a thousand statements cost one report request;
 * when Acronis cannot give it yet (it answers 400 from 1 to 6 am UTC while it computes the day's history),
 * the answer says why, and the next run asks again. It is not asked before 06:00 UTC on the day after the
 * month: until then the month's last day may be missing from a report that would be kept for good.
 */
export async function ensureMonthUsageReport(
  container: MedusaContainer,
  period: string,
  options: { patienceMs?: number } = {}
): Promise<MonthUsageReport> {
  const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const [stored] = await billing.listAcronisUsageReports({ period }, { select: ["id", "report_id"] })
  if (stored) return { available: true, report_id: stored.report_id }
  const { end } = periodBounds(period)
  const readyOn = addDays(end, 1)
  if (Date.now() < Date.parse(`${readyOn}T06:00:00Z`)) {
    return { available: false, error: `Acronis's usage history for ${end} is complete after 06:00 UTC on ${readyOn}` }
  }
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  try {
    const client = acronis.getAcronisClient()
    const { start } = periodBounds(period)
    const report = await client.reports.create({ tenant_id: await acronis.getRootTenantId(), period: { start, end } })
    const patienceMs = options.patienceMs ?? REPORT_PATIENCE_MS
    const file = await client.reports.waitForStored(report.id, { format: "json_v2_0", pollMs: Math.min(REPORT_POLL_MS, patienceMs), timeoutMs: patienceMs })
    const content = await client.reports.download(report.id, file.id)
    try {
      await billing.createAcronisUsageReports({ period, report_id: report.id, rows: { items: content.tenants }, fetched_at: new Date() })
      return { available: true, report_id: report.id }
    } catch (error) {
      // Another close fetched the same month meanwhile: use the one kept.
      const [kept] = await billing.listAcronisUsageReports({ period }, { select: ["id", "report_id"] })
      if (kept) return { available: true, report_id: kept.report_id }
      throw error
    }
  } catch (error) {
    // Nothing is kept, so nothing is billed from it; the next run creates the report again.
    const kind = (error as { kind?: string }).kind
    const why = kind === "timeout" ? `Acronis had not generated the usage report for ${period} within ${Math.round((options.patienceMs ?? REPORT_PATIENCE_MS) / 1000)} s; the next run asks again` : (error as Error).message
    return { available: false, error: why }
  }
}

export type TenantUsageReport = { available: true; report_id: string; rows: ReportRow[] } | { available: false; error: string }

export type StoredReportRow = ReportRow & { tenant_uuid?: string; tenant_id?: number }

/**
 * The tenant a stored report row is about. A json_v2_0 row is a usage object: the tenant's UUID is
 * `tenant_uuid` (its v1 number `tenant_id`, which nothing else of ours knows). `tenant` names the tenant of
 * a `GET /tenants/usages` batch item, never a report row.
 */
export const reportRowTenant = (row: StoredReportRow) => row.tenant_uuid

/**
 * The month's kept report read once and split by tenant, for a run that closes many statements: each one
 * gets its tenant's rows instead of reading the whole report again (18 MB at 10,000 tenants). `ensured` is
 * what `ensureMonthUsageReport` answered; when it has no report, every tenant gets why.
 */
export async function usageReportByTenant(
  container: MedusaContainer,
  period: string,
  ensured: MonthUsageReport
): Promise<(tenantId: string) => TenantUsageReport> {
  if (!ensured.available) return () => ensured
  const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const [stored] = await billing.listAcronisUsageReports({ period }, { select: ["id", "report_id", "rows"] })
  if (!stored) return () => ({ available: false, error: "the report has not been fetched yet" })
  const byTenant = new Map<string | undefined, ReportRow[]>()
  for (const row of (stored.rows as { items?: StoredReportRow[] }).items ?? []) {
    const tenant = reportRowTenant(row)
    const rows = byTenant.get(tenant)
    if (rows) rows.push(row)
    else byTenant.set(tenant, [row])
  }
  return (tenantId) => ({ available: true, report_id: stored.report_id, rows: byTenant.get(tenantId) ?? [] })
}
