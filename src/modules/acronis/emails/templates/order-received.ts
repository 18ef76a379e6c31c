import type { OrderReceivedPayload } from "../../events"
import { EmailContext, EmailMessage, compose, greeting, list, paragraph } from "../layout"

/** To the customer, as soon as the order is placed: what was ordered and what happens next. */
export function orderReceived(data: OrderReceivedPayload, context: EmailContext): EmailMessage {
  return compose(context, `We have received your order #${data.order_display_id}`, [
    greeting(data.customer_name),
    paragraph(`Thank you for your order #${data.order_display_id}. We are setting up your Acronis service now:`),
    list(data.services),
    paragraph(
      "What happens next: we create your Acronis account and activate what you ordered. This usually happens within minutes, at most four hours."
    ),
    paragraph(
      "When it is ready you will receive two e-mails: one from us with a link to manage your service, and one from Acronis to activate your login and set your password."
    ),
  ])
}
