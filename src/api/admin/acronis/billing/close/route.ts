import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { periodBounds, utcDay } from "../../../../../modules/acronis-billing/domain/period"
import {
  closeAcronisMonthWorkflow,
  listBillableSubscriptionIds,
  ensureMonthUsageReport,
  previewAcronisStatementWorkflow,
} from "../../../../../workflows/acronis-billing"
import type { AdminCloseAcronisMonthType } from "../validators"

const isEnded = (period: string) => periodBounds(period).end < utcDay(new Date())

async function subscriptionsToClose(req: AuthenticatedMedusaRequest<AdminCloseAcronisMonthType>): Promise<string[]> {
  const { period, subscription_ids } = req.validatedBody
  if (subscription_ids) return subscription_ids
  const ids: string[] = []
  for (let skip = 0; ; skip += 100) {
    const page = await listBillableSubscriptionIds(req.scope, period, { skip, take: 100 })
    ids.push(...page.ids)
    if (!page.more) return ids
  }
}

/**
 * Closes a month now (what the close job does), or with `dry_run` shows what it would bill and writes
 * nothing. One result per subscription; a failure is reported and the others go on. Acronis's usage report
 * is asked for once per request; with `release_hold`, statements are issued even without it.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCloseAcronisMonthType>, res: MedusaResponse) {
  const { period, dry_run, release_hold } = req.validatedBody
  if (!dry_run && !isEnded(period)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `period ${period} has not ended yet: only an ended month can be closed (use dry_run to preview it)`)
  }
  const results: Record<string, unknown>[] = []
  const ids = await subscriptionsToClose(req)
  const report = dry_run || !ids.length ? null : await ensureMonthUsageReport(req.scope, period)
  for (const subscription_id of ids) {
    try {
      if (dry_run) {
        const { result } = await previewAcronisStatementWorkflow(req.scope).run({
          input: { subscription_id, period, as_of: periodBounds(period).end },
        })
        results.push({ subscription_id, statement: result })
      } else {
        const { result } = await closeAcronisMonthWorkflow(req.scope).run({
          input: { subscription_id, period, release_hold, fetch_report: false, report_error: report && !report.available ? report.error : null },
        })
        results.push({ subscription_id, ...result })
      }
    } catch (error) {
      results.push({ subscription_id, error: (error as Error).message })
    }
  }
  res.json({ period, dry_run, release_hold, results })
}
