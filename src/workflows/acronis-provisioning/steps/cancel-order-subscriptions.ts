import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { assertTransition, isDeadRun, type SubscriptionStatus } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type CancelOrderSubscriptionsInput = {
  order_id: string
  /** Only these of the order's subscriptions (the recovery job's); all of them otherwise. */
  subscription_ids?: string[]
}

export type CancelOrderSubscriptionsOutput = { id: string; from: SubscriptionStatus; to: SubscriptionStatus }[]

export const cancelOrderSubscriptionsStepId = "cancel-order-subscriptions"

type Cancellable = {
  status: string
  tenant_id?: string | null
  heartbeat_at?: Date | string | null
  updated_at?: Date | string | null
}

/**
 * Whether a cancelled order's subscription still has to be ended by this step: not yet ended, and not owned
 * by a live run. A `provisioning` one is, once its run died (`isDeadRun`) after storing the tenant.
 */
export function endsOnCancellation(subscription: Cancellable, staleAfterMs: number, now = Date.now()): boolean {
  if (["pending", "failed", "active"].includes(subscription.status)) return true
  return !!subscription.tenant_id && isDeadRun(subscription, staleAfterMs, now)
}

/**
 * Ends the Acronis side of a cancelled order, per subscription and under its lock:
 * - nothing in Acronis yet (`pending`, or `failed` before a tenant existed) → `cancelled`: nothing is created;
 * - a tenant exists (`active`, or `failed` after the tenant) → the tenant is disabled → `suspended`, with its
 *   service span ended and the date its tenant may be deleted (`suspensionFields`). Acronis keeps its data —
 *   and bills the storage — while disabled;
 * - `provisioning` → left to the run, whose last step sees the cancelled order and suspends instead; a run
 *   that died after storing its tenant (`isDeadRun`) is suspended here.
 * Run on `order.canceled`, and again by the recovery job for cancelled orders: a run that failed after the
 * order was cancelled (its retry is refused) ends suspended that way. Not compensated: a disabled tenant of
 * a cancelled order stays disabled.
 */
export const cancelOrderSubscriptionsStep = createStep(
  cancelOrderSubscriptionsStepId,
  async (input: CancelOrderSubscriptionsInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const { stale_after_ms } = await acronis.getProvisioningSettings()
    const subscriptions = await acronis.listAcronisSubscriptions(
      { order_id: input.order_id, ...(input.subscription_ids && { id: input.subscription_ids }) },
      { select: ["id"] }
    )
    const changes: CancelOrderSubscriptionsOutput = []
    for (const { id } of subscriptions) {
      const change = await locking.execute(`acronis-subscription:${id}`, async () => {
        const subscription = await acronis.retrieveAcronisSubscription(id)
        const from = subscription.status as SubscriptionStatus
        if (!endsOnCancellation(subscription, stale_after_ms)) return null
        const to: SubscriptionStatus = subscription.tenant_id ? "suspended" : "cancelled"
        assertTransition(id, from, to)
        const sharedWith = subscription.tenant_id ? await acronis.listOtherTenantHolders(subscription.tenant_id, id) : []
        if (subscription.tenant_id && !sharedWith.length) await acronis.getAcronisClient().tenants.disable(subscription.tenant_id)
        const now = new Date()
        // A run claiming it at this very moment (another process) wins or loses here, not on the lock: if the
        // run won, its last step sees the cancelled order and suspends.
        const ended = await acronis.updateSubscriptionIfUnchanged(
          id,
          { status: from, attempts: subscription.attempts },
          to === "suspended" ? await acronis.suspensionFields(subscription, now) : { status: to, cancelled_at: now }
        )
        if (!ended) return null
        await writeProvisioningLog(container, {
          subscription_id: id,
          attempt: subscription.attempts,
          step: cancelOrderSubscriptionsStepId,
          outcome: to,
          message:
            to === "cancelled"
              ? "order cancelled before provisioning: nothing created"
              : sharedWith.length
                ? `order cancelled: tenant ${subscription.tenant_id} kept enabled for ${sharedWith.join(", ")}`
                : `order cancelled: tenant ${subscription.tenant_id} disabled`,
        })
        return { id, from, to }
      }, { timeout: 30 })
      if (change) changes.push(change)
    }
    return new StepResponse(changes)
  }
)
