import { gunzipSync } from "node:zlib"
import { AcronisApiError } from "./errors"
import { enc, type AcronisHttp, type CallSpec } from "./request"
import { reportSchema, storedReportListSchema, usageReportV2Schema } from "./schemas"
import type { Report, StoredReport, UsageReportInput, UsageReportV2 } from "./types"

export interface WaitForStoredOptions {
  /** Interval between polls; default 5 s (reports take ~1–2 min). */
  pollMs?: number
  /** Give up after this long; default 5 min. */
  timeoutMs?: number
  /** Wait for this format; default: the first stored report. */
  format?: string
}

/** Usage reports: the source for monthly billing (`usage_summary`, reference §9). */
export class ReportsResource {
  constructor(private readonly http: AcronisHttp) {}

  /**
   * `POST /reports` (once, saved): by default a `usage_summary` at `accounts` level in json_v2_0 with
   * SKUs and without zero lines. Not retried when the outcome is unknown; a duplicate report is only
   * wasted work, so calling again after a `retryable` error is acceptable.
   */
  create(input: UsageReportInput): Promise<Report> {
    const body = {
      parameters: {
        kind: input.kind ?? "usage_summary",
        tenant_id: input.tenant_id,
        level: input.level ?? "accounts",
        period: input.period,
        formats: input.formats ?? ["json_v2_0"],
        show_skus: input.show_skus ?? true,
        hide_zero_usage: input.hide_zero_usage ?? true,
      },
      schedule: { type: "once" },
      result_action: "save",
      recipients: [],
    }
    return this.http.json({ method: "POST", path: "/reports", body, retry: "create" }, reportSchema)
  }

  get(reportId: string): Promise<Report> {
    return this.http.json({ method: "GET", path: `/reports/${enc(reportId)}` }, reportSchema)
  }

  /** `DELETE /reports/{id}?version=N` → 204. */
  async delete(reportId: string, version: number): Promise<void> {
    await this.http.noContent({ method: "DELETE", path: `/reports/${enc(reportId)}`, query: { version } })
  }

  /** `GET /reports/{id}/stored`: generated files with status in_progress|saved|failed. */
  async listStored(reportId: string): Promise<StoredReport[]> {
    const res = await this.http.json({ method: "GET", path: `/reports/${enc(reportId)}/stored` }, storedReportListSchema)
    return res.items ?? []
  }

  /** The stored file's bytes, gunzipped when the file is gzip (the API serves it as octet-stream). */
  async downloadRaw(reportId: string, storedId: string): Promise<Buffer> {
    const res = await this.http.call(this.downloadSpec(reportId, storedId))
    return isGzip(res.body) ? gunzipSync(res.body) : res.body
  }

  /** A json_v2_0 stored report, parsed. */
  async download(reportId: string, storedId: string): Promise<UsageReportV2> {
    const spec = this.downloadSpec(reportId, storedId)
    const res = await this.http.call(spec)
    let body = res.body
    if (isGzip(body)) {
      try {
        body = gunzipSync(body)
      } catch {
        throw this.http.invalidResponse(spec, "body looks gzip-compressed but does not decompress", res.status)
      }
    }
    return this.http.parse(spec, { ...res, body }, usageReportV2Schema)
  }

  /** Polls `listStored` until the report is saved; throws kind `report_failed` or `timeout`. */
  async waitForStored(reportId: string, options: WaitForStoredOptions = {}): Promise<StoredReport> {
    const pollMs = options.pollMs ?? 5_000
    const deadline = Date.now() + (options.timeoutMs ?? 300_000)
    const path = `/api/2/reports/${enc(reportId)}/stored`
    for (;;) {
      const stored = (await this.listStored(reportId)).filter(
        (item) => !options.format || item.report_format === options.format
      )
      const saved = stored.find((item) => item.status === "saved")
      if (saved) return saved
      const failed = stored.find((item) => item.status === "failed")
      if (failed) {
        throw new AcronisApiError({
          kind: "report_failed",
          message: `Acronis report ${reportId} (stored ${failed.id}) failed to generate; create the report again`,
          method: "GET",
          path,
        })
      }
      if (Date.now() + pollMs > deadline) {
        throw new AcronisApiError({
          kind: "timeout",
          message: `Acronis report ${reportId} was not saved within ${options.timeoutMs ?? 300_000} ms; poll again later`,
          method: "GET",
          path,
          retryable: true,
        })
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs))
    }
  }

  private downloadSpec(reportId: string, storedId: string): CallSpec {
    return {
      method: "GET",
      path: `/reports/${enc(reportId)}/stored/${enc(storedId)}`,
      accept: "application/octet-stream, application/json;q=0.9, */*;q=0.8",
    }
  }
}

function isGzip(body: Buffer): boolean {
  return body.length >= 2 && body[0] === 0x1f && body[1] === 0x8b
}
