/** Usage reports: create a one-off `usage_summary`, `usage_daily` or `usage_current`, poll its stored files, download them. */
import { randomUUID } from "node:crypto"
import { gzipSync } from "node:zlib"
import type { SandboxContext } from "../context"
import { ApiError, malformed, notFound, versionMismatch } from "../errors"
import type { Router } from "../http"
import { timestamp, utcDay, type ReportRecord, type TenantRecord } from "../state"
import { descendantsOf, getTenant } from "../tenancy"
import { OFFERING_ITEMS } from "../catalogue"
import { applyUsageRefresh, monthStart, tenantUsages, usageBreakdown, type UsageBreakdown } from "../usage"
import { isUuid, onlyKeys, optionalBoolean, requireInteger, requireObject, requireOneOf } from "../validation"

const LEVELS = ["itself", "direct_partners", "all_partners", "all_customers", "accounts"] as const
const KINDS = ["usage_daily", "usage_summary", "usage_current", "usage_breakdown"] as const
const RENDERED_KINDS = ["usage_daily", "usage_summary", "usage_current"]
const FORMATS = ["csv", "html", "json_v1", "csv_v2_0", "json_v2_0"] as const
const SUPPORTED_FORMATS = ["json_v2_0", "csv_v2_0"]
/** Numeric codes inside json_v2_0 files ("reports-usage-v2" guide); `itself` has none there (UNCONFIRMED 0). */
const LEVEL_CODES: Record<string, number> = { itself: 0, direct_partners: 1, all_partners: 4, all_customers: 2, accounts: 3 }
/** Report kinds as json_v2_0 files number them (same guide): 4 daily, 5 summary, 8 current. */
const KIND_CODES: Record<string, number> = { usage_daily: 4, usage_summary: 5, usage_current: 8 }
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
/** How many polls of `/stored` answer in_progress before the files can be saved (then `reportReadySeconds`). */
const IN_PROGRESS_POLLS = 1
/**
 * csv_v2_0 columns: the ones Acronis's own WHMCS module requires (its csv_v2_0 parser), in its order. The
 * file may carry more columns in reality; the sandbox sends only these.
 */
const CSV_COLUMNS = [
  "application.id",
  "edition",
  "infra.backend_type",
  "infra.id",
  "infra.owner_id",
  "name",
  "tenant.id",
  "tenant.kind",
  "usage.absolute.production",
  "usage.absolute.total",
  "usage.absolute.trial",
  "usage.delta.production",
  "usage.delta.total",
  "usage.delta.trial",
  "usage.effective.production",
  "usage.effective.total",
  "usage.effective.trial",
]

function tenantsInScope(ctx: SandboxContext, tenant: TenantRecord, level: string): TenantRecord[] {
  if (level === "itself") return [tenant]
  const below = descendantsOf(ctx, tenant.id)
  if (level === "direct_partners") return below.filter((t) => t.parent_id === tenant.id)
  if (level === "all_partners") return below.filter((t) => t.kind === "partner" || t.kind === "folder")
  return below
}

const unix = (day: string, endOfDay = false) => Date.parse(`${day}T${endOfDay ? "23:59:59" : "00:00:00"}Z`) / 1000

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function daysBetween(start: string, end: string): string[] {
  const days: string[] = []
  for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) <= end; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10))
  }
  return days
}

type ReportRow = { tenant: TenantRecord; usage: Record<string, unknown>; breakdown: UsageBreakdown; day?: string }

/** One row per tenant, item and storage (per day too for `usage_daily`), with its trial/production split. */
function reportRows(ctx: SandboxContext, subject: TenantRecord, kind: string, level: string, start: string, end: string, hideZero: boolean): ReportRow[] {
  const ranges: { start: string; end: string; day?: string }[] =
    kind === "usage_daily" ? daysBetween(start, end).map((day) => ({ start: day, end: day, day })) : [{ start, end }]
  const rows: ReportRow[] = []
  for (const tenant of tenantsInScope(ctx, subject, level)) {
    for (const range of ranges) {
      for (const usage of tenantUsages(ctx, tenant, range.start, range.end)) {
        const def = OFFERING_ITEMS.find((d) => d.name === usage.name && (d.infra_id ?? undefined) === usage.infra_id)
        if (!def) continue
        const breakdown = usageBreakdown(ctx, tenant.id, def, range.start, range.end)
        if (hideZero && breakdown.effective.total === 0) continue
        rows.push({ tenant, usage, breakdown, day: range.day })
      }
    }
  }
  return rows
}

/**
 * The file contents. json_v2_0 follows the reports-usage-v2 guide (`params` + `tenants`, a list of usage
 * objects); each row also carries `usage.{absolute,delta,effective}.{production,trial,total}`, the split the
 * csv_v2_0 columns give (UNCONFIRMED for json). csv_v2_0: CSV_COLUMNS, plus `date` first in daily reports.
 */
function renderReport(ctx: SandboxContext, parameters: Record<string, unknown>, formats: string[]): Record<string, string> {
  const subject = getTenant(ctx, parameters.tenant_id as string)
  const kind = parameters.kind as string
  const today = utcDay(ctx.clock.now())
  const { start, end } =
    kind === "usage_current" ? { start: monthStart(today), end: today } : (parameters.period as { start: string; end: string })
  const rows = reportRows(ctx, subject, kind, parameters.level as string, start, end, parameters.hide_zero_usage === true)
  const files: Record<string, string> = {}
  for (const format of formats) {
    if (format === "json_v2_0") {
      const params = {
        kind: KIND_CODES[kind],
        gen_date: Math.floor(ctx.clock.now().getTime() / 1000),
        begin_date: unix(start),
        end_date: unix(end, true),
        group_id: subject.number,
        name: subject.name,
        report_level: LEVEL_CODES[parameters.level as string],
        report_type: KIND_CODES[kind],
      }
      // Effective values: what the period used (the level at its end; compute points consumed in it).
      const tenants = rows.map(({ usage, breakdown }) => ({ ...usage, value: breakdown.effective.total, usage: breakdown }))
      files[format] = JSON.stringify({ params, tenants })
    } else {
      const columns = kind === "usage_daily" ? ["date", ...CSV_COLUMNS] : CSV_COLUMNS
      const lines = rows.map(({ tenant, usage, breakdown, day }) => {
        const cell: Record<string, unknown> = {
          date: day,
          "application.id": usage.application_id,
          edition: usage.edition,
          "infra.backend_type": null,
          "infra.id": usage.infra_id,
          "infra.owner_id": null,
          name: usage.name,
          "tenant.id": tenant.id,
          "tenant.kind": tenant.kind,
        }
        for (const how of ["absolute", "delta", "effective"] as const) {
          for (const part of ["production", "trial", "total"] as const) cell[`usage.${how}.${part}`] = breakdown[how][part]
        }
        return columns.map((c) => csvCell(cell[c])).join(",")
      })
      files[format] = [columns.join(","), ...lines].join("\n") + "\n"
    }
  }
  return files
}

function reportView(report: ReportRecord) {
  const { id, version, parameters, schedule, result_action, recipients, generation_date } = report
  return { id, version, parameters, schedule, result_action, recipients, generation_date }
}

function parseDay(value: unknown, field: string): string {
  if (typeof value !== "string" || !DAY_RE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw malformed(`'${field}' must be a date as YYYY-MM-DD.`)
  }
  return value
}

function parseReport(ctx: SandboxContext, body: Record<string, unknown>) {
  onlyKeys(body, ["recipients", "result_action", "parameters", "schedule", "generation_date"])
  const resultAction = requireOneOf(body.result_action, ["save", "send"] as const, "result_action")
  // Acronis's own examples save reports without `recipients`; a report that is sent needs someone to send it to.
  if (body.recipients !== undefined && (!Array.isArray(body.recipients) || !body.recipients.every(isUuid))) {
    throw malformed("'recipients' must be a list of user UUIDs.")
  }
  const recipients = (body.recipients as string[] | undefined) ?? []
  if (resultAction === "send" && !recipients.length) throw malformed("'recipients' is required to send a report.")
  const schedule = requireObject(body.schedule, "schedule")
  if (requireOneOf(schedule.type, ["once", "monthly"] as const, "schedule.type") !== "once") {
    throw malformed("The sandbox runs one-off reports only (schedule.type 'once').")
  }
  const parameters = requireObject(body.parameters, "parameters")
  if (!isUuid(parameters.tenant_id)) throw malformed("'parameters.tenant_id' is required.")
  getTenant(ctx, parameters.tenant_id)
  requireOneOf(parameters.level, LEVELS, "parameters.level")
  const kind = requireOneOf(parameters.kind, KINDS, "parameters.kind")
  if (!RENDERED_KINDS.includes(kind)) throw malformed(`The sandbox does not generate '${kind}' reports.`)
  const formats = parameters.formats
  if (!Array.isArray(formats) || !formats.length) throw malformed("'parameters.formats' is required.")
  for (const format of formats) {
    requireOneOf(format, FORMATS, "parameters.formats")
    if (!SUPPORTED_FORMATS.includes(format)) throw malformed(`The sandbox renders ${SUPPORTED_FORMATS.join(" and ")} only.`)
  }
  const now = ctx.clock.now()
  // `usage_current` covers each tenant's current billing period, so a period is not needed (nor used).
  if (kind !== "usage_current" || parameters.period !== undefined) {
    const period = requireObject(parameters.period, "parameters.period")
    const start = parseDay(period.start, "parameters.period.start")
    const end = parseDay(period.end, "parameters.period.end")
    if (start > end) throw malformed("The report period starts after it ends.")
    if (end > utcDay(now)) throw malformed("Report period must not be in future.")
    if (kind !== "usage_current") assertUsageHistoryReady(now, end)
  }
  optionalBoolean(parameters, "hide_zero_usage")
  optionalBoolean(parameters, "show_skus")
  return { resultAction, parameters, formats: formats as string[], recipients }
}

/** Hours (UTC) in which Acronis is still computing the previous day's usage history. */
const HISTORY_NOT_READY_HOURS = { from: 1, until: 6 }

/**
 * The spec's 400 for `POST /reports`: "Usage history is not ready and shouldn't be ready yet (from 1 to 6 am)".
 * It concerns the day that just ended, so a period that reaches yesterday (or today) is refused in those hours
 * of the sandbox clock.
 */
function assertUsageHistoryReady(now: Date, periodEnd: string): void {
  const yesterday = utcDay(new Date(now.getTime() - 86_400_000))
  const hour = now.getUTCHours()
  if (periodEnd >= yesterday && hour >= HISTORY_NOT_READY_HOURS.from && hour < HISTORY_NOT_READY_HOURS.until) {
    throw malformed("Usage history is not ready and shouldn't be ready yet (from 1 to 6 am UTC).")
  }
}

/** Saved once its in-progress polls are used up and its generation time has passed on the sandbox clock. */
function isReady(ctx: SandboxContext, report: ReportRecord): boolean {
  return report.pending_polls <= 0 && ctx.clock.now().getTime() >= (report.ready_at ?? 0)
}

function getReport(ctx: SandboxContext, id: string): ReportRecord {
  const report = ctx.state.reports[id]
  if (!report) throw notFound("Report", id)
  return report
}

export function reportRoutes(router: Router, ctx: SandboxContext): void {
  router.add(
    "POST",
    "/reports",
    (req) => {
      const { resultAction, parameters, formats, recipients } = parseReport(ctx, requireObject(req.body))
      applyUsageRefresh(ctx)
      // Rendered now so the download reflects usage as of the request, like a snapshot.
      const files = renderReport(ctx, parameters, formats)
      const now = ctx.clock.now()
      const createdAt = timestamp(now)
      const report: ReportRecord = {
        id: randomUUID(),
        version: 1,
        parameters,
        schedule: { type: "once", enabled: true },
        result_action: resultAction,
        recipients,
        generation_date: utcDay(now),
        pending_polls: IN_PROGRESS_POLLS,
        ready_at: now.getTime() + ctx.timing.reportReadySeconds * 1000,
        stored: formats.map((format) => ({ id: randomUUID(), report_format: format, created_at: createdAt, content: files[format] })),
      }
      ctx.state.reports[report.id] = report
      return { status: 200, body: reportView(report) }
    },
    { body: "json" }
  )

  router.add("GET", "/reports/:report_id", (req) => ({ status: 200, body: reportView(getReport(ctx, req.params.report_id)) }))

  router.add("DELETE", "/reports/:report_id", (req) => {
    const report = getReport(ctx, req.params.report_id)
    if (req.query.has("version") && requireInteger(req.query.get("version"), "version") !== report.version) {
      throw versionMismatch(report.id, report.version)
    }
    delete ctx.state.reports[report.id]
    return { status: 204 }
  })

  router.add("GET", "/tenants/:tenant_id/reports", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id)
    const ids = Object.values(ctx.state.reports).filter((r) => r.parameters.tenant_id === tenant.id).map((r) => r.id)
    return { status: 200, body: { items: ids } }
  })

  router.add("GET", "/reports/:report_id/stored", (req) => {
    const report = getReport(ctx, req.params.report_id)
    const inProgress = !isReady(ctx, report)
    if (report.pending_polls > 0) report.pending_polls -= 1
    const items = report.stored.map((file) =>
      inProgress
        ? { id: file.id, report_format: file.report_format, created_at: file.created_at, status: "in_progress" }
        : { id: file.id, report_format: file.report_format, created_at: file.created_at, size: gzipSync(file.content).length, status: "saved" }
    )
    return { status: 200, body: { items } }
  })

  router.add("GET", "/reports/:report_id/stored/:stored_id", (req) => {
    const report = getReport(ctx, req.params.report_id)
    const file = report.stored.find((f) => f.id === req.params.stored_id)
    if (!file) throw notFound("Stored report", req.params.stored_id)
    if (!isReady(ctx, report)) throw new ApiError(404, 404, "The stored report is not ready yet; poll /stored until it is saved.")
    const content = Buffer.from(file.content)
    const headers: Record<string, string> = { "content-type": "application/octet-stream" }
    // `size` is the compressed size and WHMCS reads the file with gzopen, so gzip whenever the client accepts it.
    if (/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      headers["content-encoding"] = "gzip"
      return { status: 200, raw: gzipSync(content), headers }
    }
    return { status: 200, raw: content, headers }
  })
}
