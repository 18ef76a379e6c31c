import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { cancelAcronisOrderSubscriptionsWorkflow } from "../workflows/acronis-provisioning"

/** A cancelled order's Acronis subscriptions are cancelled, or their tenants disabled (suspended). */
export default async function orderCanceledAcronisHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await cancelAcronisOrderSubscriptionsWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.CANCELED,
  context: { subscriberId: "order-canceled-acronis" },
}
