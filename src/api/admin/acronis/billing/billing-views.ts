import type { MedusaContainer } from "@medusajs/framework/types"
import { ACRONIS_BILLING_MODULE } from "../../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../../modules/acronis-billing/service"
import { periodBounds, periodOf, utcDay } from "../../../../modules/acronis-billing/domain/period"
import { previewAcronisStatementWorkflow } from "../../../../workflows/acronis-billing"

/**
 * Read models of usage billing shared by the admin and store routes: a subscription's usage and estimated
 * charges for a month (the current one by default), and its statements with their lines.
 */
export async function usageView(scope: MedusaContainer, subscriptionId: string, period?: string) {
  const today = utcDay(new Date())
  const month = period ?? periodOf(today)
  const asOf = periodBounds(month).end < today ? periodBounds(month).end : today
  const billing = scope.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const [account] = await billing.listAcronisBillingAccounts({ subscription_id: subscriptionId })
  const { result } = await previewAcronisStatementWorkflow(scope).run({
    input: { subscription_id: subscriptionId, period: month, as_of: asOf },
  })
  return {
    subscription_id: subscriptionId,
    period: month,
    as_of: asOf,
    last_synced_at: account?.last_synced_at ?? null,
    last_sync_error: account?.last_sync_error ?? null,
    estimate: { currency_code: result.currency_code, window: result.window, lines: result.lines, total: result.total },
  }
}

export async function statementsView(scope: MedusaContainer, subscriptionId: string) {
  const billing = scope.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const statements = await billing.listAcronisStatements(
    { subscription_id: subscriptionId },
    { relations: ["lines"], order: { period: "DESC" }, take: null }
  )
  return statements.map(({ lines, ...statement }) => ({
    ...statement,
    lines: [...(lines ?? [])]
      .sort((a, b) => a.position - b.position)
      .map(({ id, kind, offering_item, description, quantity, unit, unit_price, amount, sources }) => ({
        id,
        kind,
        offering_item,
        description,
        quantity,
        unit,
        unit_price,
        amount,
        sources,
      })),
  }))
}
