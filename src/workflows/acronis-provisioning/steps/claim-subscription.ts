import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { assertTransition, provisioningRefusal, type ProvisioningTrigger } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type ClaimSubscriptionInput = { subscription_id: string; trigger: ProvisioningTrigger }
export type ClaimSubscriptionOutput = { claimed: boolean; attempt: number; reason: string | null }

export const claimSubscriptionStepId = "claim-subscription"

/**
 * Makes one run the owner of a subscription: under a lock on the subscription, checks that `trigger` may
 * start a run now (`provisioningRefusal`; never for a cancelled order) and moves it to `provisioning`, counting the attempt. A second
 * `order.placed`, a double click on "retry" or a run racing another gets `claimed: false` and does nothing:
 * this, not the workflow engine, is what makes provisioning happen once.
 *
 * Not compensated: a claimed run that fails is recorded as `failed` by the runner.
 */
export const claimSubscriptionStep = createStep(
  claimSubscriptionStepId,
  async (input: ClaimSubscriptionInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const result = await locking.execute(
      `acronis-subscription:${input.subscription_id}`,
      async (): Promise<ClaimSubscriptionOutput> => {
        const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
        const { data: [order] } = await container
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "order", fields: ["id", "status"], filters: { id: subscription.order_id } })
        const reason = order?.status === "canceled" ? "its order is cancelled" : provisioningRefusal(subscription, input.trigger)
        if (reason) return { claimed: false, attempt: subscription.attempts, reason }
        if (subscription.status !== "provisioning") assertTransition(subscription.id, subscription.status, "provisioning")
        const attempt = subscription.attempts + 1
        await acronis.updateAcronisSubscriptions({ id: subscription.id, status: "provisioning", attempts: attempt })
        return { claimed: true, attempt, reason: null }
      },
      { timeout: 30 }
    )
    if (result.claimed) {
      await writeProvisioningLog(container, {
        subscription_id: input.subscription_id,
        attempt: result.attempt,
        step: claimSubscriptionStepId,
        outcome: "claimed",
        message: `run ${result.attempt} started (${input.trigger})`,
      })
    }
    return new StepResponse(result)
  }
)
