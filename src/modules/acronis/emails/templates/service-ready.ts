import type { SubscriptionActivatedPayload } from "../../events"
import { EmailContext, EmailMessage, action, compose, greeting, paragraph } from "../layout"

/** Acronis's documentation, for stores that do not link their own guide. */
export const ACRONIS_GETTING_STARTED_URL = "https://www.acronis.com/en-us/support/documentation/"

/** To the customer once the tenant and licences exist: where to manage it, and the Acronis activation e-mail. */
export function serviceReady(data: SubscriptionActivatedPayload, context: EmailContext): EmailMessage {
  const login = data.service_login_email || data.email
  return compose(context, `Your Acronis service is ready (order #${data.order_display_id})`, [
    greeting(data.customer_name),
    paragraph(`${data.service_name} from your order #${data.order_display_id} is active.`),
    paragraph(
      `Acronis sends its own e-mail to ${login} with a link to activate your login and set your password. If it has not arrived within the hour, check your spam folder.`
    ),
    action("Manage your service", data.manage_url),
    paragraph("New to Acronis Cyber Protect Cloud? The getting-started guide walks you through your first backup."),
    action("Getting-started guide", data.getting_started_url || ACRONIS_GETTING_STARTED_URL),
  ])
}
