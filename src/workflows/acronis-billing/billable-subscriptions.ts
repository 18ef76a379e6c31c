import type { MedusaContainer } from "@medusajs/framework/types"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../modules/acronis-billing/service"
import { periodsToClose, reasonNotToClose } from "../../modules/acronis-billing/domain/catch-up"
import { periodBounds, utcDay, type Period } from "../../modules/acronis-billing/domain/period"
import { isSettled } from "../../modules/acronis-billing/domain/statement-status"
import { serviceSpansOf, spansWithin } from "../../modules/acronis/domain/service-spans"

/** Subscriptions whose service may have run: a tenant was made and activated (ended ones still owe their last month). */
const BILLED_STATUSES = ["active", "suspended", "terminated"] as const

type Page = { skip: number; take: number }

async function listServedSubscriptions(container: MedusaContainer, page: Page) {
  const rows = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).listAcronisSubscriptions(
    { status: [...BILLED_STATUSES], tenant_id: { $ne: null }, activated_at: { $ne: null } },
    { select: ["id", "tenant_id", "status", "activated_at", "suspended_at", "service_spans"], skip: page.skip, take: page.take, order: { id: "ASC" } }
  )
  return { rows: rows.map((s) => ({ id: s.id, tenant_id: s.tenant_id!, spans: serviceSpansOf(s) })), more: rows.length === page.take }
}

/** A subscription an admin close is for: its tenant (null when it is not found), or why its month is skipped. */
export type CloseTarget = { subscription_id: string; tenant_id: string | null; skipped: string | null }

/**
 * The subscriptions an admin close of `period` is for, in the order given: `ids`, or every subscription
 * billable in the month. A month that ended before a given subscription's service started is skipped with
 * why; an id not found is left for the close to report.
 */
export async function listCloseTargets(container: MedusaContainer, period: Period, ids?: string[]): Promise<CloseTarget[]> {
  if (!ids) {
    const targets: CloseTarget[] = []
    const { start, end } = periodBounds(period)
    for (let skip = 0; ; skip += 100) {
      const { rows, more } = await listServedSubscriptions(container, { skip, take: 100 })
      for (const s of rows) if (spansWithin(s.spans, start, end).length) targets.push({ subscription_id: s.id, tenant_id: s.tenant_id, skipped: null })
      if (!more) return targets
    }
  }
  const rows = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).listAcronisSubscriptions(
    { id: ids },
    { select: ["id", "tenant_id", "activated_at", "suspended_at", "service_spans"], take: null }
  )
  const byId = new Map(rows.map((s) => [s.id, s]))
  return ids.map((id) => {
    const s = byId.get(id)
    return { subscription_id: id, tenant_id: s?.tenant_id ?? null, skipped: s ? reasonNotToClose(serviceSpansOf(s), period) : null }
  })
}

/**
 * For a page of subscriptions, the ended months each still has to close: the months its service ran in, up
 * to the last ended month, less the months already settled (billed, or issued with
 * nothing to charge). Months on hold, and issued ones whose order was never made, come back until done.
 */
export async function listDueCloses(
  container: MedusaContainer,
  today: Date,
  page: Page
): Promise<{ due: { subscription_id: string; tenant_id: string; periods: Period[] }[]; more: boolean }> {
  const { rows, more } = await listServedSubscriptions(container, page)
  const served = rows.filter((s) => s.spans.length > 0)
  const closed = served.length
    ? await container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE).listAcronisStatements(
        { subscription_id: served.map((s) => s.id), status: ["issued", "billed"] },
        { select: ["subscription_id", "period", "status", "total"], take: null }
      )
    : []
  const closedBySubscription = new Map<string, Set<Period>>()
  for (const s of closed.filter(isSettled)) {
    closedBySubscription.set(s.subscription_id, (closedBySubscription.get(s.subscription_id) ?? new Set()).add(s.period))
  }
  const due = served
    .map((s) => ({
      subscription_id: s.id,
      tenant_id: s.tenant_id,
      periods: periodsToClose({ spans: s.spans, closed: closedBySubscription.get(s.id) ?? new Set(), today: utcDay(today) }),
    }))
    .filter((d) => d.periods.length > 0)
  return { due, more }
}
