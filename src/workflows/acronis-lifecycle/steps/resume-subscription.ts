import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { assertTransition } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "../../acronis-provisioning/steps/provisioning-log"
import { withSubscriptionLock } from "./subscription-lock"

export const resumeSubscriptionStepId = "resume-subscription"

/**
 * Resumes a suspended subscription within its grace period: the tenant is enabled again in Acronis, a new
 * service span opens today (billing restarts from this day, the suspended days stay unbilled) and the
 * scheduled deletion is called off. A subscription whose order was cancelled is resumed only by staff, who
 * bill it from now on. Not compensated: the tenant is enabled in Acronis.
 */
export const resumeSubscriptionStep = createStep(
  resumeSubscriptionStepId,
  async (input: { subscription_id: string }, { container }) => {
    return new StepResponse(
      await withSubscriptionLock(container, input.subscription_id, async (subscription, acronis) => {
        assertTransition(subscription.id, subscription.status, "active")
        if (!subscription.tenant_id || !subscription.activated_at) {
          // Cancelled while it was being provisioned: it never ran, so there is nothing to resume.
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Acronis subscription ${subscription.id} was never provisioned to the end; place a new order instead of resuming it`
          )
        }
        await acronis.getAcronisClient().tenants.enable(subscription.tenant_id)
        const now = new Date()
        await acronis.updateAcronisSubscriptions({
          id: subscription.id,
          status: "active",
          service_spans: acronis.activationSpans(subscription, now),
          terminate_after: null,
          deletion_warned_at: null,
        })
        await writeProvisioningLog(container, {
          subscription_id: subscription.id,
          attempt: subscription.attempts,
          step: resumeSubscriptionStepId,
          outcome: "done",
          message: `resumed: tenant ${subscription.tenant_id} enabled, billed again from ${now.toISOString().slice(0, 10)}`,
        })
        return { id: subscription.id }
      })
    )
  }
)
