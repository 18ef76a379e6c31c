import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Period } from "../../modules/acronis-billing/domain/period"
import { listDueCloses } from "./billable-subscriptions"
import { closeAcronisMonthWorkflow } from "./close-acronis-month"
import { ensureMonthUsageReport, usageReportByTenant, type TenantUsageReport } from "./usage-report"

const PAGE_SIZE = 50

export type CloseDueMonthsResult = {
  closed: { subscription_id: string; period: Period; statement_id: string }[]
  on_hold: { subscription_id: string; period: Period; statement_id: string }[]
  failed: { subscription_id: string; period: Period; message: string }[]
  /** Months another run (another process) was closing at the same time: left to it. */
  skipped: { subscription_id: string; period: Period }[]
}

/**
 * The close job's run: pages through the subscriptions, and closes each one's due months oldest first (a
 * month's checkout credit depends on the months before it), one workflow per subscription and month, so one
 * failure does not stop the others. Acronis is asked for each month's usage report once per run, not once
 * per statement, and the kept report is read once per run and handed to each statement as its tenant's
 * rows. A fetch that failed is remembered for the run: its statements wait on hold without asking again.
 */
export async function closeDueAcronisMonths(container: MedusaContainer, { now }: { now: Date }): Promise<CloseDueMonthsResult> {
  const result: CloseDueMonthsResult = { closed: [], on_hold: [], failed: [], skipped: [] }
  const reports = new Map<Period, Promise<(tenantId: string) => TenantUsageReport>>()
  const reportFor = (period: Period) => {
    if (!reports.has(period)) {
      reports.set(period, ensureMonthUsageReport(container, period).then((ensured) => usageReportByTenant(container, period, ensured)))
    }
    return reports.get(period)!
  }
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { due, more } = await listDueCloses(container, now, { skip, take: PAGE_SIZE })
    for (const { subscription_id, tenant_id, periods } of due) {
      for (const period of periods) {
        const report = (await reportFor(period))(tenant_id)
        try {
          const { result: closed } = await closeAcronisMonthWorkflow(container).run({
            input: { subscription_id, period, fetch_report: false, usage_report: report },
          })
          const entry = { subscription_id, period, statement_id: closed.statement_id }
          if (closed.status === "on_hold") {
            result.on_hold.push(entry)
            // A later month must not be billed before this one.
            break
          }
          result.closed.push(entry)
        } catch (error) {
          if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.CONFLICT) {
            result.skipped.push({ subscription_id, period })
            break
          }
          result.failed.push({ subscription_id, period, message: (error as Error).message })
          break
        }
      }
    }
    if (!more) break
  }
  return result
}
