import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { attachOrderToAcronisCheckoutWorkflow } from "../workflows/acronis-checkout"

/** The placed order takes over its cart's Acronis terms consent and login reservation. */
export default async function attachOrderToAcronisCheckoutHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  await attachOrderToAcronisCheckoutWorkflow(container).run({ input: { order_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "acronis-checkout-order-placed" },
}
