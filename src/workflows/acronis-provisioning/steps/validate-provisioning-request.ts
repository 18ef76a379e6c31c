import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { provisioningRefusal, type ProvisioningTrigger } from "../../../modules/acronis/domain/subscription-status"
import type { ProvisioningRequestedPayload } from "../../../modules/acronis/provisioning-events"

export type ValidateProvisioningRequestInput = { subscription_ids: string[]; trigger: ProvisioningTrigger }

export const validateProvisioningRequestStepId = "validate-provisioning-request"

/**
 * Answers an admin's "execute" or "retry" before anything starts: each subscription must be in a status the
 * trigger may start from (`provisioningRefusal`) and its order not cancelled; otherwise a 400 that says why.
 * Returns one provisioning request per subscription. Reading only; the run itself claims atomically.
 */
export const validateProvisioningRequestStep = createStep(
  validateProvisioningRequestStepId,
  async (input: ValidateProvisioningRequestInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { stale_after_ms } = await acronis.getProvisioningSettings()
    const subscriptions = input.subscription_ids.length
      ? await acronis.listAcronisSubscriptions({ id: input.subscription_ids })
      : []
    if (!subscriptions.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "There is no Acronis subscription to provision.")
    }
    const orderIds = [...new Set(subscriptions.map((subscription) => subscription.order_id))]
    const { data: orders } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "status"], filters: { id: orderIds } })
    const cancelled = new Set(orders.filter((order) => order.status === "canceled").map((order) => order.id))
    const refusals = subscriptions
      .map((subscription) => {
        const reason = cancelled.has(subscription.order_id) ? "its order is cancelled" : provisioningRefusal(subscription, input.trigger, stale_after_ms)
        return reason ? `${subscription.id}: ${reason}` : null
      })
      .filter((reason): reason is string => !!reason)
    if (refusals.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cannot provision the Acronis subscription — ${refusals.join("; ")}.`)
    }
    return new StepResponse<ProvisioningRequestedPayload[]>(
      subscriptions.map((subscription) => ({ subscription_id: subscription.id, trigger: input.trigger }))
    )
  }
)
