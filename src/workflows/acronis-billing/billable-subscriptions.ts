import type { MedusaContainer } from "@medusajs/framework/types"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { periodBounds, utcDay } from "../../modules/acronis-billing/domain/period"

/**
 * The subscriptions a month's close bills, a page at a time: activated by the month's end, with a tenant,
 * and not cancelled before the month began (suspended tenants still store data Acronis bills).
 */
export async function listBillableSubscriptionIds(
  container: MedusaContainer,
  period: string,
  page: { skip: number; take: number }
): Promise<{ ids: string[]; more: boolean }> {
  const { start, end } = periodBounds(period)
  const rows = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).listAcronisSubscriptions(
    { status: ["active", "suspended", "cancelled"], tenant_id: { $ne: null }, activated_at: { $lte: new Date(`${end}T23:59:59.999Z`) } },
    { select: ["id", "cancelled_at"], skip: page.skip, take: page.take, order: { id: "ASC" } }
  )
  const ids = rows.filter((s) => !s.cancelled_at || utcDay(new Date(s.cancelled_at)) >= start).map((s) => s.id)
  return { ids, more: rows.length === page.take }
}
