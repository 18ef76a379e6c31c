import type { FreeMonthEndingPayload } from "../../events"
import { formatDate } from "../format"
import { EmailContext, EmailMessage, action, compose, greeting, paragraph } from "../layout"

/** To the customer a few days before billing starts, so the first charge is no surprise. */
export function freeMonthEnding(data: FreeMonthEndingPayload, context: EmailContext): EmailMessage {
  const endsOn = formatDate(data.ends_at)
  return compose(context, `Your free month of ${data.service_name} ends on ${endsOn}`, [
    greeting(data.customer_name),
    paragraph(
      `Your free month of ${data.service_name} ends on ${endsOn}. The service then continues at your plan's price; you do not need to do anything to keep it.`
    ),
    paragraph(`If you do not want to continue, cancel before ${endsOn}.`),
    action("Manage your service", data.manage_url),
  ])
}
