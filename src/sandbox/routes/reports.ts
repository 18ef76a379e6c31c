/** Usage reports: create a one-off `usage_summary`, poll its stored files, download them. */
import { randomUUID } from "node:crypto"
import { gzipSync } from "node:zlib"
import type { SandboxContext } from "../context"
import { ApiError, malformed, notFound, versionMismatch } from "../errors"
import type { Router } from "../http"
import { timestamp, utcDay, type ReportRecord, type TenantRecord } from "../state"
import { descendantsOf, getTenant } from "../tenancy"
import { tenantUsages } from "../usage"
import { isUuid, onlyKeys, optionalBoolean, requireInteger, requireObject, requireOneOf } from "../validation"

const LEVELS = ["itself", "direct_partners", "all_partners", "all_customers", "accounts"] as const
const KINDS = ["usage_daily", "usage_summary", "usage_current", "usage_breakdown"] as const
const FORMATS = ["csv", "html", "json_v1", "csv_v2_0", "json_v2_0"] as const
const SUPPORTED_FORMATS = ["json_v2_0", "csv_v2_0"]
/** Numeric codes inside json_v2_0 files ("reports-usage-v2" guide); `itself` has none there (UNCONFIRMED 0). */
const LEVEL_CODES: Record<string, number> = { itself: 0, direct_partners: 1, all_customers: 2, accounts: 3, all_partners: 4 }
const SUMMARY_KIND_CODE = 5
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
/** How many polls of `/stored` answer in_progress before the files are saved. */
const IN_PROGRESS_POLLS = 1

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

/** The file contents. json_v2_0 follows the guide; csv_v2_0 columns are UNCONFIRMED (ours). */
function renderReport(ctx: SandboxContext, parameters: Record<string, unknown>, formats: string[]): Record<string, string> {
  const subject = getTenant(ctx, parameters.tenant_id as string)
  const { start, end } = parameters.period as { start: string; end: string }
  const rows = tenantsInScope(ctx, subject, parameters.level as string).flatMap((tenant) =>
    tenantUsages(ctx, tenant, start, end)
      .filter((usage) => !parameters.hide_zero_usage || usage.value !== 0)
      .map((usage) => ({ tenant, usage }))
  )
  const files: Record<string, string> = {}
  for (const format of formats) {
    if (format === "json_v2_0") {
      const params = {
        kind: SUMMARY_KIND_CODE,
        gen_date: Math.floor(Date.now() / 1000),
        begin_date: unix(start),
        end_date: unix(end, true),
        group_id: subject.number,
        name: subject.name,
        report_level: LEVEL_CODES[parameters.level as string],
        report_type: SUMMARY_KIND_CODE,
      }
      files[format] = JSON.stringify({ params, tenants: rows.map((r) => r.usage) })
    } else {
      const columns = ["tenant_uuid", "tenant_id", "tenant_name", "tenant_kind", "application_id", "name", "edition", "usage_name", "infra_id", "measurement_unit", "range_start", "value", "absolute_value"]
      const lines = rows.map(({ tenant, usage }) =>
        columns.map((c) => csvCell(c === "tenant_name" ? tenant.name : c === "tenant_kind" ? tenant.kind : usage[c])).join(",")
      )
      files[format] = [columns.join(","), ...lines].join("\n") + "\n"
    }
  }
  return files
}

function reportView(report: ReportRecord) {
  const { id, version, parameters, schedule, result_action, recipients, generation_date } = report
  return { id, version, parameters, schedule, result_action, recipients, generation_date }
}

function parseReport(ctx: SandboxContext, body: Record<string, unknown>) {
  onlyKeys(body, ["recipients", "result_action", "parameters", "schedule", "generation_date"])
  if (!Array.isArray(body.recipients) || !body.recipients.every(isUuid)) throw malformed("'recipients' is required and must be a list of user UUIDs.")
  const resultAction = requireOneOf(body.result_action, ["save", "send"] as const, "result_action")
  const schedule = requireObject(body.schedule, "schedule")
  if (requireOneOf(schedule.type, ["once", "monthly"] as const, "schedule.type") !== "once") {
    throw malformed("The sandbox runs one-off reports only (schedule.type 'once').")
  }
  const parameters = requireObject(body.parameters, "parameters")
  if (!isUuid(parameters.tenant_id)) throw malformed("'parameters.tenant_id' is required.")
  getTenant(ctx, parameters.tenant_id)
  requireOneOf(parameters.level, LEVELS, "parameters.level")
  if (requireOneOf(parameters.kind, KINDS, "parameters.kind") !== "usage_summary") {
    throw malformed("The sandbox generates 'usage_summary' reports only.")
  }
  const formats = parameters.formats
  if (!Array.isArray(formats) || !formats.length) throw malformed("'parameters.formats' is required.")
  for (const format of formats) {
    requireOneOf(format, FORMATS, "parameters.formats")
    if (!SUPPORTED_FORMATS.includes(format)) throw malformed(`The sandbox renders ${SUPPORTED_FORMATS.join(" and ")} only.`)
  }
  const period = requireObject(parameters.period, "parameters.period")
  if (typeof period.start !== "string" || !DAY_RE.test(period.start) || typeof period.end !== "string" || !DAY_RE.test(period.end)) {
    throw malformed("'parameters.period' needs 'start' and 'end' as YYYY-MM-DD.")
  }
  if (period.start > period.end) throw malformed("The report period starts after it ends.")
  if (period.end > utcDay()) throw malformed("Report period must not be in future.")
  assertUsageHistoryReady(period.end)
  optionalBoolean(parameters, "hide_zero_usage")
  optionalBoolean(parameters, "show_skus")
  return { resultAction, parameters, formats: formats as string[], recipients: body.recipients as string[] }
}

/** Hours (UTC) in which Acronis is still computing the previous day's usage history. */
const HISTORY_NOT_READY_HOURS = { from: 1, until: 6 }

/**
 * The spec's 400 for `POST /reports`: "Usage history is not ready and shouldn't be ready yet (from 1 to 6 am)".
 * It concerns the day that just ended, so a period that reaches yesterday (or today) is refused in those hours.
 */
function assertUsageHistoryReady(periodEnd: string): void {
  const now = new Date()
  const yesterday = utcDay(new Date(now.getTime() - 86_400_000))
  const hour = now.getUTCHours()
  if (periodEnd >= yesterday && hour >= HISTORY_NOT_READY_HOURS.from && hour < HISTORY_NOT_READY_HOURS.until) {
    throw malformed("Usage history is not ready and shouldn't be ready yet (from 1 to 6 am UTC).")
  }
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
      // Rendered now so the download reflects usage as of the request, like a snapshot.
      const files = renderReport(ctx, parameters, formats)
      const createdAt = timestamp()
      const report: ReportRecord = {
        id: randomUUID(),
        version: 1,
        parameters,
        schedule: { type: "once", enabled: true },
        result_action: resultAction,
        recipients,
        generation_date: utcDay(),
        pending_polls: IN_PROGRESS_POLLS,
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
    const inProgress = report.pending_polls > 0
    if (inProgress) report.pending_polls -= 1
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
    if (report.pending_polls > 0) throw new ApiError(404, 404, "The stored report is not ready yet; poll /stored until it is saved.")
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
