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

/**
 * A month's usage snapshots as one series per offering item and storage, days in order. A day without a
 * snapshot is absent (not synced), not zero: the chart leaves it blank rather than drawing a drop.
 */
export async function dailyUsageView(scope: MedusaContainer, subscriptionId: string, period?: string) {
  const month = period ?? periodOf(utcDay(new Date()))
  const { start, end } = periodBounds(month)
  const billing = scope.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const snapshots = await billing.listAcronisUsageSnapshots(
    { subscription_id: subscriptionId, day: { $gte: start, $lte: end } },
    { order: { day: "ASC" }, take: null }
  )
  const series = new Map<string, { offering_item: string; edition: string | null; infra_id: string | null; measurement_unit: string; points: { day: string; value: string; pricing_mode: string }[] }>()
  for (const s of snapshots) {
    const key = `${s.offering_item}@${s.infra_id}`
    const entry =
      series.get(key) ??
      { offering_item: s.offering_item, edition: s.edition ?? null, infra_id: s.infra_id || null, measurement_unit: s.measurement_unit, points: [] }
    entry.points.push({ day: s.day, value: s.value, pricing_mode: s.pricing_mode })
    series.set(key, entry)
  }
  const items = [...series.values()].sort((a, b) => `${a.offering_item}@${a.infra_id ?? ""}`.localeCompare(`${b.offering_item}@${b.infra_id ?? ""}`))
  return { subscription_id: subscriptionId, period: month, from: start, to: end, items }
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
