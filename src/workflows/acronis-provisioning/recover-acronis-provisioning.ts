import type { IEventBusModuleService, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../modules/acronis"
import { isDeadRun } from "../../modules/acronis/domain/subscription-status"
import { AcronisEvents } from "../../modules/acronis/events"
import type AcronisModuleService from "../../modules/acronis/service"
import { AcronisProvisioningEvents, type ProvisioningRequestedPayload } from "../../modules/acronis/provisioning-events"
import { cancelAcronisOrderSubscriptionsWorkflow } from "./cancel-acronis-order-subscriptions"
import { createAcronisOrderSubscriptionsWorkflow } from "./create-acronis-order-subscriptions"
import { endsOnCancellation } from "./steps/cancel-order-subscriptions"

export type AcronisProvisioningRecovery = {
  orders_checked: number
  requested: string[]
  /** Orders whose order-received e-mail a crash lost, asked for again (it goes once per order). */
  emailed: string[]
  /** Subscriptions of cancelled orders this pass ended (`suspended` with the tenant disabled, or `cancelled`). */
  ended: string[]
  /** Orders this pass could not handle (Acronis failing, an order a person must fix): the next pass tries again. */
  failed: { order_id: string; message: string }[]
}

type RecentOrder = {
  id: string
  status: string
  email: string | null
  created_at: string | Date
  items?: { product_id: string | null }[] | null
  acronis_subscriptions?:
    | { id: string; status: string; execution: string; tenant_id: string | null; heartbeat_at: string | Date | null; updated_at: string | Date }[]
    | null
}

/**
 * A cancelled order's subscription that a run left behind: failed (the retry is refused for a cancelled
 * order), or stuck in `provisioning` after storing its tenant. Active ones are left alone: staff may have
 * resumed them on purpose.
 */
function leftByCancelledRun(
  subscription: { status: string; tenant_id: string | null; heartbeat_at: string | Date | null; updated_at: string | Date },
  staleAfterMs: number,
  now: Date
): boolean {
  return (subscription.status === "failed" || subscription.status === "provisioning") && endsOnCancellation(subscription, staleAfterMs, now.getTime())
}

/**
 * The safety net that keeps a paid order from being lost when the process dies at the wrong moment: for
 * every recent order that is not cancelled it
 * - saves the Acronis subscriptions `order.placed` should have saved (a crash before the subscriber ran;
 *   `createAcronisOrderSubscriptionsWorkflow` skips lines it has seen and asks for provisioning itself);
 * - asks again for storefront subscriptions still `pending` after `provisioning.staleAfterSeconds` (the
 *   request was lost);
 * - asks for a retry of runs whose heartbeat stopped for that long (`isDeadRun`: the process died mid-run;
 *   the run resumes from the stored tenant and user ids);
 * - runs the order's subscriptions workflow again when the order-received e-mail is missing after that long
 *   (the process died between saving the subscriptions and sending it).
 * Requests go through the usual claim, so a run already under way is never doubled.
 *
 * For every recent cancelled order it ends what its runs left behind (`leftByCancelledRun`): a run that
 * failed after the order was cancelled mid-provisioning — its retry is refused, so its tenant would stay
 * enabled for good — or one that died after storing its tenant. `cancelAcronisOrderSubscriptionsWorkflow`
 * disables the tenant and suspends the subscription (or cancels one that never had a tenant). It is done
 * here, from the stored statuses, rather than when the failure is recorded: that survives a crash at any
 * point and an Acronis that is down just then (often why the run failed), since every pass tries again
 * until it is done. One order failing does not stop the others.
 */
export async function recoverAcronisProvisioning(
  container: MedusaContainer,
  options: { now?: Date; lookbackHours?: number } = {}
): Promise<AcronisProvisioningRecovery> {
  const now = options.now ?? new Date()
  const since = new Date(now.getTime() - (options.lookbackHours ?? 72) * 3600 * 1000)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const eventBus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
  const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
  const { stale_after_ms } = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).getProvisioningSettings()
  const recovery: AcronisProvisioningRecovery = { orders_checked: 0, requested: [], emailed: [], ended: [], failed: [] }

  // Only orders with an Acronis product can have missed subscriptions: find those products once.
  const { data: offers } = await query.graph({ entity: "acronis_offer", fields: ["product.id"] })
  const acronisProducts = new Set((offers as { product?: { id: string } | null }[]).map((offer) => offer.product?.id).filter(Boolean))

  const pageSize = 100
  for (let skip = 0; ; skip += pageSize) {
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "email",
        "created_at",
        "items.product_id",
        "acronis_subscriptions.id",
        "acronis_subscriptions.status",
        "acronis_subscriptions.execution",
        "acronis_subscriptions.tenant_id",
        "acronis_subscriptions.heartbeat_at",
        "acronis_subscriptions.updated_at",
      ],
      filters: { created_at: { $gte: since } },
      pagination: { skip, take: pageSize, order: { created_at: "ASC" } },
    })
    const orders = data as RecentOrder[]
    for (const order of orders.filter((o) => o.status === "canceled")) {
      const leftOver = (order.acronis_subscriptions ?? []).filter((subscription) => leftByCancelledRun(subscription, stale_after_ms, now))
      if (!leftOver.length) continue
      try {
        const { result } = await cancelAcronisOrderSubscriptionsWorkflow(container).run({
          input: { order_id: order.id, subscription_ids: leftOver.map((subscription) => subscription.id) },
        })
        recovery.ended.push(...result.map((change) => change.id))
      } catch (error) {
        recovery.failed.push({ order_id: order.id, message: (error as Error).message })
      }
    }
    const unannounced = await ordersWithoutReceivedEmail(notifications, orders, stale_after_ms, now)
    for (const order of orders.filter((o) => o.status !== "canceled")) {
      recovery.orders_checked++
      if (unannounced.has(order.id)) {
        try {
          await createAcronisOrderSubscriptionsWorkflow(container).run({ input: { order_id: order.id } })
          recovery.emailed.push(order.id)
        } catch (error) {
          recovery.failed.push({ order_id: order.id, message: (error as Error).message })
        }
        continue
      }
      const subscriptions = order.acronis_subscriptions ?? []
      if (!subscriptions.length) {
        if (!(order.items ?? []).some((item) => item.product_id && acronisProducts.has(item.product_id))) continue
        try {
          const { result } = await createAcronisOrderSubscriptionsWorkflow(container).run({ input: { order_id: order.id } })
          recovery.requested.push(
            ...result.subscriptions
              .filter((subscription) => subscription.status === "pending" && subscription.execution === "automatic")
              .map((subscription) => subscription.id)
          )
        } catch (error) {
          // E.g. a billing interval the plan is not sold by: a person must fix the order.
          recovery.failed.push({ order_id: order.id, message: (error as Error).message })
        }
        continue
      }
      const requests = subscriptions.flatMap((subscription): ProvisioningRequestedPayload[] => {
        const idle = now.getTime() - new Date(subscription.updated_at).getTime()
        if (subscription.status === "pending" && subscription.execution === "automatic" && idle > stale_after_ms) {
          return [{ subscription_id: subscription.id, trigger: "order_placed" as const }]
        }
        if (isDeadRun(subscription, stale_after_ms, now.getTime())) {
          return [{ subscription_id: subscription.id, trigger: "retry" as const }]
        }
        return []
      })
      if (requests.length) {
        await eventBus.emit(requests.map((data) => ({ name: AcronisProvisioningEvents.REQUESTED, data })))
        recovery.requested.push(...requests.map((request) => request.subscription_id))
      }
    }
    if (orders.length < pageSize) break
  }
  return recovery
}

/**
 * Storefront orders with subscriptions, older than `graceMs`, for which no order-received e-mail was sent:
 * one notification query per page of orders.
 */
async function ordersWithoutReceivedEmail(
  notifications: INotificationModuleService,
  orders: RecentOrder[],
  graceMs: number,
  now: Date
): Promise<Set<string>> {
  const candidates = orders.filter(
    (order) =>
      order.status !== "canceled" &&
      !!order.email &&
      now.getTime() - new Date(order.created_at).getTime() > graceMs &&
      (order.acronis_subscriptions ?? []).some((subscription) => subscription.execution === "automatic")
  )
  if (!candidates.length) return new Set()
  const sent = await notifications.listNotifications(
    { trigger_type: AcronisEvents.ORDER_RECEIVED, resource_id: candidates.map((order) => order.id) },
    { select: ["resource_id"], take: null }
  )
  const announced = new Set(sent.map((notification) => notification.resource_id))
  return new Set(candidates.map((order) => order.id).filter((id) => !announced.has(id)))
}
