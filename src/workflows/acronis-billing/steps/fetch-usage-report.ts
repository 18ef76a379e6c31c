import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { periodBounds } from "../../../modules/acronis-billing/domain/period"
import type { ReportRow } from "../../../modules/acronis-billing/domain/reconciliation"

export type UsageReportForTenant =
  | { available: true; report_id: string; rows: ReportRow[] }
  | { available: false; error: string }

type StoredRow = ReportRow & { tenant_uuid?: string; tenant?: string }

export const fetchUsageReportStepId = "fetch-usage-report"

/** Between polls of a report's stored files: Acronis takes a minute or two to render one. */
const REPORT_POLL_MS = 2_000

/**
 * The month's `usage_summary` (root tenant, level `accounts`, json_v2_0) is fetched from Acronis once and kept;
 * this answers the rows of one tenant. If Acronis cannot give it, the statement says so rather than guessing.
 */
export const fetchUsageReportStep = createStep(
  fetchUsageReportStepId,
  async (input: { period: string; tenant_id: string }, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    let [stored] = await billing.listAcronisUsageReports({ period: input.period })
    if (!stored) {
      try {
        const client = acronis.getAcronisClient()
        const { start, end } = periodBounds(input.period)
        const report = await client.reports.create({ tenant_id: await acronis.getRootTenantId(), period: { start, end } })
        const file = await client.reports.waitForStored(report.id, { format: "json_v2_0", pollMs: REPORT_POLL_MS })
        const content = await client.reports.download(report.id, file.id)
        try {
          stored = await billing.createAcronisUsageReports({
            period: input.period,
            report_id: report.id,
            rows: { items: content.tenants },
            fetched_at: new Date(),
          })
        } catch (error) {
          // Another close fetched the same month meanwhile: use the one kept.
          ;[stored] = await billing.listAcronisUsageReports({ period: input.period })
          if (!stored) throw error
        }
      } catch (error) {
        return new StepResponse<UsageReportForTenant>({ available: false, error: (error as Error).message })
      }
    }
    const rows = ((stored.rows as { items?: StoredRow[] }).items ?? []).filter(
      (row) => (row.tenant_uuid ?? row.tenant) === input.tenant_id
    )
    return new StepResponse<UsageReportForTenant>({ available: true, report_id: stored.report_id, rows })
  }
)
