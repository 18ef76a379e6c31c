import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { assertTransition } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "../../acronis-provisioning/steps/provisioning-log"
import { withSubscriptionLock } from "./subscription-lock"

export const suspendSubscriptionStepId = "suspend-subscription"

/**
 * Staff suspend an active subscription: its tenant is disabled in Acronis (unless another live subscription
 * uses it), billing stops the day before, and the grace period before deletion starts. Under the subscription's lock, so it cannot interleave with a
 * provisioning run or a resume. Not compensated: Acronis has already disabled the tenant.
 */
export const suspendSubscriptionStep = createStep(
  suspendSubscriptionStepId,
  async (input: { subscription_id: string; reason?: string | null }, { container }) => {
    return new StepResponse(
      await withSubscriptionLock(container, input.subscription_id, async (subscription, acronis) => {
        assertTransition(subscription.id, subscription.status, "suspended")
        const sharedWith = await acronis.listOtherTenantHolders(subscription.tenant_id!, subscription.id)
        if (!sharedWith.length) await acronis.getAcronisClient().tenants.disable(subscription.tenant_id!)
        const fields = await acronis.suspensionFields(subscription, new Date())
        await acronis.updateAcronisSubscriptions({ id: subscription.id, ...fields })
        await writeProvisioningLog(container, {
          subscription_id: subscription.id,
          attempt: subscription.attempts,
          step: suspendSubscriptionStepId,
          outcome: "suspended",
          message: `suspended by staff${input.reason ? `: ${input.reason}` : ""}; ${
            sharedWith.length
              ? `tenant ${subscription.tenant_id} kept enabled for ${sharedWith.join(", ")}`
              : `tenant ${subscription.tenant_id} disabled, deleted after ${fields.terminate_after.toISOString()} unless resumed`
          }`,
        })
        return { id: subscription.id, terminate_after: fields.terminate_after.toISOString() }
      })
    )
  }
)
