import type { DeletionScheduledPayload } from "../../events"
import { formatDate } from "../format"
import { EmailContext, EmailMessage, action, compose, greeting, paragraph } from "../layout"

/** To the customer before a suspended service's tenant is deleted: after that date the backups are gone. */
export function dataDeletionWarning(data: DeletionScheduledPayload, context: EmailContext): EmailMessage {
  const deletesOn = formatDate(data.deletes_at)
  return compose(context, `Your ${data.service_name} data will be deleted on ${deletesOn}`, [
    greeting(data.customer_name),
    paragraph(
      `Your ${data.service_name} service is suspended. On ${deletesOn} its Acronis account is deleted, with every backup and file stored in it. This cannot be undone.`
    ),
    paragraph(`To keep your data, ask us to resume the service before ${deletesOn}, or restore what you need before then.`),
    ...(data.manage_url ? [action("Manage your service", data.manage_url)] : []),
  ])
}
