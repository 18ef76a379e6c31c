import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { ensureMonthUsageReport, reportRowTenant, type StoredReportRow, type TenantUsageReport } from "../usage-report"

export type UsageReportForTenant = TenantUsageReport

export type FetchUsageReportInput = {
  period: string
  tenant_id: string
  /**
   * False when the caller already asked Acronis for the month in this run (the close job, the admin route):
   * only the kept report is read, and `report_error` says why there is none.
   */
  fetch?: boolean
  report_error?: string | null
  /** The tenant's part of the report, when the caller read it once for many statements (`usageReportByTenant`). */
  known?: UsageReportForTenant | null
}

export const fetchUsageReportStepId = "fetch-usage-report"

/** One tenant's rows of the month's kept `usage_summary` report, fetching it first unless told not to. */
export const fetchUsageReportStep = createStep(fetchUsageReportStepId, async (input: FetchUsageReportInput, { container }) => {
  if (input.known) return new StepResponse<UsageReportForTenant>(input.known)
  const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  if (input.fetch !== false) {
    const fetched = await ensureMonthUsageReport(container, input.period)
    if (!fetched.available) return new StepResponse<UsageReportForTenant>(fetched)
  }
  const [stored] = await billing.listAcronisUsageReports({ period: input.period })
  if (!stored) {
    return new StepResponse<UsageReportForTenant>({ available: false, error: input.report_error ?? "the report has not been fetched yet" })
  }
  const rows = ((stored.rows as { items?: StoredReportRow[] }).items ?? []).filter((row) => reportRowTenant(row) === input.tenant_id)
  return new StepResponse<UsageReportForTenant>({ available: true, report_id: stored.report_id, rows })
})
