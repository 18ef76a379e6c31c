import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import {
  assertTransition,
  provisioningRefusal,
  type ProvisioningTrigger,
  type SubscriptionStatus,
} from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type ClaimSubscriptionInput = { subscription_id: string; trigger: ProvisioningTrigger }
export type ClaimSubscriptionOutput = { claimed: boolean; attempt: number; reason: string | null }

export const claimSubscriptionStepId = "claim-subscription"

/**
 * Makes one run the owner of a subscription: checks that `trigger` may start a run now
 * (`provisioningRefusal`; never for a cancelled order), then moves it to `provisioning` and counts the
 * attempt with `claimProvisioningRun`, a conditional UPDATE on the status and attempt count it read. A
 * second `order.placed`, a double click on "retry", a run racing another in this or another process: only
 * one UPDATE matches, the others get `claimed: false` and do nothing. The database decides, not a lock,
 * which may expire or (in memory) not span processes.
 *
 * Not compensated: a claimed run that fails is recorded as `failed` by the runner.
 */
export const claimSubscriptionStep = createStep(
  claimSubscriptionStepId,
  async (input: ClaimSubscriptionInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { stale_after_ms } = await acronis.getProvisioningSettings()
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    const { data: [order] } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "status"], filters: { id: subscription.order_id } })
    const status = subscription.status as SubscriptionStatus
    const reason =
      order?.status === "canceled" ? "its order is cancelled" : provisioningRefusal(subscription, input.trigger, stale_after_ms)
    if (reason) return new StepResponse<ClaimSubscriptionOutput>({ claimed: false, attempt: subscription.attempts, reason })
    if (status !== "provisioning") assertTransition(subscription.id, status, "provisioning")

    const attempt = await acronis.claimProvisioningRun(subscription.id, { status, attempts: subscription.attempts })
    if (attempt === null) {
      return new StepResponse<ClaimSubscriptionOutput>({
        claimed: false,
        attempt: subscription.attempts,
        reason: "another provisioning run claimed it first",
      })
    }
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt,
      step: claimSubscriptionStepId,
      outcome: "claimed",
      message: `run ${attempt} started (${input.trigger})`,
    })
    return new StepResponse<ClaimSubscriptionOutput>({ claimed: true, attempt, reason: null })
  }
)
