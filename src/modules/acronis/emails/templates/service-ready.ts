import type { SubscriptionActivatedPayload } from "../../events"
import { EmailBlock, EmailContext, EmailMessage, action, compose, greeting, paragraph } from "../layout"

/** Acronis's documentation, for stores that do not link their own guide. */
export const ACRONIS_GETTING_STARTED_URL = "https://www.acronis.com/en-us/support/documentation/"

/**
 * To the customer (or whoever a plan's order form names) once the tenant and licences exist: the login, where
 * to manage the service, and the Acronis activation e-mail.
 */
export function serviceReady(data: SubscriptionActivatedPayload, context: EmailContext): EmailMessage {
  const activationEmail = data.service_login_email || data.email
  const login: EmailBlock[] = data.service_login ? [paragraph(`Login: ${data.service_login}`)] : []
  return compose(context, `Your Acronis service is ready (order #${data.order_display_id})`, [
    greeting(data.customer_name),
    paragraph(`${data.service_name} from your order #${data.order_display_id} is active.`),
    ...login,
    paragraph(
      `Acronis sends its own e-mail to ${activationEmail} with a link to activate your login and set your password. If it has not arrived within the hour, check your spam folder.`
    ),
    action("Manage your service", data.manage_url),
    paragraph("New to Acronis Cyber Protect Cloud? The getting-started guide walks you through your first backup."),
    action("Getting-started guide", data.getting_started_url || ACRONIS_GETTING_STARTED_URL),
  ])
}
