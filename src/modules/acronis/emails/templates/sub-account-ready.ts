import type { SubAccountActivatedPayload } from "../../events"
import { EmailBlock, EmailContext, EmailMessage, action, compose, greeting, paragraph } from "../layout"

/** To the reseller's notification contact when one of its sub-accounts can be used. */
export function subAccountReady(data: SubAccountActivatedPayload, context: EmailContext): EmailMessage {
  const blocks: EmailBlock[] = [
    greeting(data.contact_name),
    paragraph(`The sub-account "${data.sub_account_name}" of ${data.reseller_name} is set up and ready to use.`),
    paragraph("Its users receive their own activation e-mails from Acronis."),
  ]
  if (data.manage_url) {
    blocks.push(action("Manage the sub-account", data.manage_url))
  }
  return compose(context, `Sub-account "${data.sub_account_name}" is ready`, blocks)
}
