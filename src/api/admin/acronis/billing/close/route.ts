import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { periodBounds } from "../../../../../modules/acronis-billing/domain/period"
import {
  closeAcronisMonthWorkflow,
  listBillableSubscriptionIds,
  previewAcronisStatementWorkflow,
} from "../../../../../workflows/acronis-billing"
import type { AdminCloseAcronisMonthType } from "../validators"

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
 * Closes a month now (what the monthly job does), or with `dry_run` shows what it would bill and writes
 * nothing. One result per subscription; a failure is reported and the others go on.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminCloseAcronisMonthType>, res: MedusaResponse) {
  const { period, dry_run } = req.validatedBody
  const results: Record<string, unknown>[] = []
  for (const subscription_id of await subscriptionsToClose(req)) {
    try {
      if (dry_run) {
        const { result } = await previewAcronisStatementWorkflow(req.scope).run({
          input: { subscription_id, period, as_of: periodBounds(period).end },
        })
        results.push({ subscription_id, statement: result })
      } else {
        const { result } = await closeAcronisMonthWorkflow(req.scope).run({ input: { subscription_id, period } })
        results.push(result as Record<string, unknown> & { subscription_id?: string })
        results[results.length - 1] = { subscription_id, ...result }
      }
    } catch (error) {
      results.push({ subscription_id, error: (error as Error).message })
    }
  }
  res.json({ period, dry_run, results })
}
