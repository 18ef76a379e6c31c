import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { AcronisEventMessage, AcronisEvents } from "../modules/acronis/events"
import { sendAcronisEmailWorkflow } from "../workflows/notifications"

/** Each plugin event sends its e-mail; the workflow decides what, to whom, and whether it went out already. */
export default async function acronisEmailsHandler({ event, container }: SubscriberArgs<AcronisEventMessage["data"]>) {
  await sendAcronisEmailWorkflow(container).run({
    input: { event: event.name, data: event.data } as AcronisEventMessage,
  })
}

export const config: SubscriberConfig = {
  event: Object.values(AcronisEvents),
  context: { subscriberId: "acronis-emails" },
}
