import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type AcronisModuleService from "../../../modules/acronis/service"
import { assertTransition } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "../../acronis-provisioning/steps/provisioning-log"
import { withSubscriptionLock } from "./subscription-lock"

type Subscription = Awaited<ReturnType<AcronisModuleService["retrieveAcronisSubscription"]>>

/**
 * Ends a suspended subscription for good: its tenant is deleted in Acronis, with all its data, unless another
 * live subscription still uses it; the subscription is `terminated`. Call it under the subscription's lock.
 * Being deleted or gone already (an earlier run, the Acronis console) counts as deleted.
 */
export async function terminateSuspendedSubscription(
  container: MedusaContainer,
  acronis: AcronisModuleService,
  subscription: Subscription,
  input: { now: Date; step: string; why: string }
): Promise<void> {
  const sharedWith = subscription.tenant_id
    ? await acronis.listOtherTenantHolders(subscription.tenant_id, subscription.id, { includeSuspended: true })
    : []
  if (subscription.tenant_id && !sharedWith.length) await acronis.getAcronisClient().tenants.disableAndDelete(subscription.tenant_id)
  await acronis.updateAcronisSubscriptions({ id: subscription.id, status: "terminated", terminated_at: input.now })
  await writeProvisioningLog(container, {
    subscription_id: subscription.id,
    attempt: subscription.attempts,
    step: input.step,
    outcome: "done",
    message: sharedWith.length
      ? `${input.why}: tenant ${subscription.tenant_id} kept for ${sharedWith.join(", ")}`
      : `${input.why}: tenant ${subscription.tenant_id} deleted in Acronis`,
  })
}

export const terminateSubscriptionStepId = "terminate-subscription"

/**
 * Staff end a suspended subscription before its grace period is over: the tenant and its data are deleted
 * now. Only a suspended one: an active subscription is suspended first, so its billing has ended. Deleting a
 * tenant cannot be undone, so nothing is compensated.
 */
export const terminateSubscriptionStep = createStep(
  terminateSubscriptionStepId,
  async (input: { subscription_id: string }, { container }) => {
    return new StepResponse(
      await withSubscriptionLock(container, input.subscription_id, async (subscription, acronis) => {
        if (subscription.status === "active") {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Acronis subscription ${subscription.id} is active; suspend it first, so its billing ends, then terminate it`
          )
        }
        assertTransition(subscription.id, subscription.status, "terminated")
        await terminateSuspendedSubscription(container, acronis, subscription, {
          now: new Date(),
          step: terminateSubscriptionStepId,
          why: "terminated by staff",
        })
        return { id: subscription.id }
      })
    )
  }
)
