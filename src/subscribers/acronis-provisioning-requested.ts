import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AcronisProvisioningEvents, type ProvisioningRequestedPayload } from "../modules/acronis/provisioning-events"
import { runAcronisProvisioning } from "../workflows/acronis-provisioning"

/**
 * Provisions one subscription: claim, runs with back-off, `failed` + operations e-mail when the budget is
 * spent (see `runAcronisProvisioning`). Requested by `order.placed`, by executing a staff order, by a retry.
 */
export default async function acronisProvisioningRequestedHandler({ event, container }: SubscriberArgs<ProvisioningRequestedPayload>) {
  const outcome = await runAcronisProvisioning(container, event.data)
  if (outcome.outcome === "failed") {
    container.resolve("logger").warn(`Acronis subscription ${event.data.subscription_id}: provisioning failed at ${outcome.step}: ${outcome.message}`)
  }
}

export const config: SubscriberConfig = {
  event: AcronisProvisioningEvents.REQUESTED,
  context: { subscriberId: "acronis-provisioning-requested" },
}
