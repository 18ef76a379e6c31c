import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { createAcronisOrderSubscriptionsWorkflow } from "../workflows/acronis-provisioning"

/**
 * A placed order gets one Acronis subscription per Acronis line; a storefront order's are then provisioned
 * (`acronis.provisioning.requested`), a staff order's wait to be executed. Safe to receive twice.
 */
export default async function orderPlacedAcronisHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await createAcronisOrderSubscriptionsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "order-placed-acronis" },
}
