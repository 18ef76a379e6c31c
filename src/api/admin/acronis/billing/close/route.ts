import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { periodBounds, utcDay } from "../../../../../modules/acronis-billing/domain/period"
import {
  closeAcronisMonthWorkflow,
  ensureMonthUsageReport,
  listCloseTargets,
  previewAcronisStatementWorkflow,
  usageReportByTenant,
} from "../../../../../workflows/acronis-billing"
import type { AdminCloseAcronisMonthType } from "../validators"

const isEnded = (period: string) => periodBounds(period).end < utcDay(new Date())

/**
 * Closes a month now (what the close job does), or with `dry_run` shows what it would bill and writes
 * nothing. One result per subscription; a failure is reported and the others go on, and a subscription
 * whose service started after the month is listed as `skipped` with why. Acronis's usage report is asked
 * for, and the kept one read, once per request; with `release_hold`, statements are issued even without it.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCloseAcronisMonthType>, res: MedusaResponse) {
  const { period, dry_run, release_hold, subscription_ids } = req.validatedBody
  if (!dry_run && !isEnded(period)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `period ${period} has not ended yet: only an ended month can be closed (use dry_run to preview it)`)
  }
  const results: Record<string, unknown>[] = []
  const targets = await listCloseTargets(req.scope, period, subscription_ids)
  const reportOf =
    dry_run || !targets.some((t) => !t.skipped)
      ? null
      : await usageReportByTenant(req.scope, period, await ensureMonthUsageReport(req.scope, period))
  for (const { subscription_id, tenant_id, skipped } of targets) {
    if (skipped) {
      results.push({ subscription_id, skipped })
      continue
    }
    try {
      if (dry_run) {
        const { result } = await previewAcronisStatementWorkflow(req.scope).run({
          input: { subscription_id, period, as_of: periodBounds(period).end },
        })
        results.push({ subscription_id, statement: result })
      } else {
        const { result } = await closeAcronisMonthWorkflow(req.scope).run({
          input: { subscription_id, period, release_hold, fetch_report: false, usage_report: tenant_id && reportOf ? reportOf(tenant_id) : null },
        })
        results.push({ subscription_id, ...result })
      }
    } catch (error) {
      results.push({ subscription_id, error: (error as Error).message })
    }
  }
  res.json({ period, dry_run, release_hold, results })
}
