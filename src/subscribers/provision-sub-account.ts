import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { stepFailureMessage } from "../modules/acronis/domain/provisioning-failure"
import { ResellerEvents, type SubAccountCreatedPayload } from "../modules/reseller/events"
import {
  provisionSubAccountTransactionId,
  provisionSubAccountWorkflow,
  recordSubAccountProvisioningErrorWorkflow,
} from "../workflows/reseller"

/**
 * A new sub-account gets its Acronis tenant in the background. On failure the sub-account stays `pending`
 * with the reason in `provisioning_error`; `POST /admin/acronis/resellers/:id/sub-accounts/:sub_account_id/provision`
 * runs it again (the workflow is safe to re-run).
 */
export default async function provisionSubAccountHandler({ event, container }: SubscriberArgs<SubAccountCreatedPayload>) {
  const { errors } = await provisionSubAccountWorkflow(container).run({
    input: { sub_account_id: event.data.id },
    context: { transactionId: provisionSubAccountTransactionId(event.data.id) },
    throwOnError: false,
  })
  if (errors.length) {
    const message = errors.map((failure) => stepFailureMessage(failure.action, failure.error?.message ?? String(failure.error))).join("; ")
    container.resolve("logger").warn(`Sub-account ${event.data.id}: provisioning failed: ${message}`)
    await recordSubAccountProvisioningErrorWorkflow(container).run({ input: { sub_account_id: event.data.id, message } })
  }
}

export const config: SubscriberConfig = {
  event: ResellerEvents.SUB_ACCOUNT_CREATED,
  context: { subscriberId: "provision-sub-account" },
}
