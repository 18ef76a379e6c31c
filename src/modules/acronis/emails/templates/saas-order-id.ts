import type { SaasOrderPlacedPayload } from "../../events"
import { EmailContext, EmailMessage, compose, list, paragraph } from "../layout"

/**
 * To the account manager and/or the customer's contact (the order form's "send credentials to"), as soon as a
 * SaaS plan is ordered: the Order ID to quote about it. The login follows when the service is ready.
 */
export function saasOrderId(data: SaasOrderPlacedPayload, context: EmailContext): EmailMessage {
  const customer = data.company_name ? ` for ${data.company_name}` : ""
  return compose(context, `Your Order ID: ${data.order_display_id}`, [
    paragraph("Hello,"),
    paragraph(`The SaaS order${customer} is placed. Order ID: ${data.order_display_id}`),
    list(data.services),
    paragraph("Quote the Order ID whenever you contact us about this order."),
    paragraph(
      "What happens next: we set up the Acronis service. When it is ready you receive an e-mail with the login and a link to manage the service, and Acronis sends its own e-mail to activate the login and set the password."
    ),
  ])
}
