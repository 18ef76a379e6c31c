import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { ProvisioningFailedPayload } from "../../../modules/acronis/events"
import type { ProvisioningFailure } from "../../../modules/acronis/domain/provisioning-failure"
import { assertTransition } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type RecordProvisioningFailureInput = {
  subscription_id: string
  attempt: number
  failure: ProvisioningFailure
  /** False: the run is tried again after a pause (logged as `retrying`). True: the budget is spent. */
  final: boolean
}

export const recordProvisioningFailureStepId = "record-provisioning-failure"

/**
 * Logs a failed run with Acronis's status and code. When it is the last one, the subscription becomes `failed`
 * with the error kept in `last_error`, and the step returns the payload that tells the operations address
 * (null otherwise). Its tenant and user ids stay: a retry resumes from them.
 */
export const recordProvisioningFailureStep = createStep(
  recordProvisioningFailureStepId,
  async (input: RecordProvisioningFailureInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { failure } = input
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt: input.attempt,
      step: failure.step,
      outcome: input.final ? "failed" : "retrying",
      message: failure.message,
      failure,
    })
    if (!input.final) return new StepResponse(null)

    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    assertTransition(subscription.id, subscription.status, "failed")
    await acronis.updateAcronisSubscriptions({ id: subscription.id, status: "failed", last_error: failure })
    const { data: [order] } = await container
      .resolve(ContainerRegistrationKeys.QUERY)
      .graph({ entity: "order", fields: ["id", "display_id", "email"], filters: { id: subscription.order_id } })
    const payload: ProvisioningFailedPayload = {
      // One e-mail per failed run: a later failure after a retry is news again.
      id: `${subscription.id}:${input.attempt}`,
      order_id: subscription.order_id,
      order_display_id: order?.display_id ?? subscription.order_id,
      customer_email: subscription.email,
      step: failure.step,
      error: { http_status: failure.http_status, code: failure.code, message: failure.message },
      admin_url: `/app/orders/${subscription.order_id}`,
    }
    return new StepResponse(payload)
  }
)
