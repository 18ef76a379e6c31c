import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { assertTransition, type SubscriptionStatus } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type CancelOrderSubscriptionsOutput = { id: string; from: SubscriptionStatus; to: SubscriptionStatus }[]

export const cancelOrderSubscriptionsStepId = "cancel-order-subscriptions"

/**
 * Ends the Acronis side of a cancelled order, per subscription and under its lock:
 * - nothing in Acronis yet (`pending`, or `failed` before a tenant existed) → `cancelled`: nothing is created;
 * - a tenant exists (`active`, or `failed` after the tenant) → the tenant is disabled → `suspended`. Acronis
 *   keeps its data — and bills the storage — while disabled; deleting it is an admin's decision;
 * - `provisioning` → left to the run, whose last step sees the cancelled order and suspends instead.
 * Not compensated: a disabled tenant of a cancelled order stays disabled.
 */
export const cancelOrderSubscriptionsStep = createStep(
  cancelOrderSubscriptionsStepId,
  async (input: { order_id: string }, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const subscriptions = await acronis.listAcronisSubscriptions({ order_id: input.order_id }, { select: ["id"] })
    const changes: CancelOrderSubscriptionsOutput = []
    for (const { id } of subscriptions) {
      const change = await locking.execute(`acronis-subscription:${id}`, async () => {
        const subscription = await acronis.retrieveAcronisSubscription(id)
        const from = subscription.status as SubscriptionStatus
        if (!["pending", "failed", "active"].includes(from)) return null
        const to: SubscriptionStatus = subscription.tenant_id ? "suspended" : "cancelled"
        assertTransition(id, from, to)
        if (subscription.tenant_id) await acronis.getAcronisClient().tenants.disable(subscription.tenant_id)
        await acronis.updateAcronisSubscriptions({ id, status: to, ...(to === "suspended" ? { suspended_at: new Date() } : { cancelled_at: new Date() }) })
        await writeProvisioningLog(container, {
          subscription_id: id,
          attempt: subscription.attempts,
          step: cancelOrderSubscriptionsStepId,
          outcome: to,
          message: to === "suspended" ? `order cancelled: tenant ${subscription.tenant_id} disabled` : "order cancelled before provisioning: nothing created",
        })
        return { id, from, to }
      }, { timeout: 30 })
      if (change) changes.push(change)
    }
    return new StepResponse(changes)
  }
)
