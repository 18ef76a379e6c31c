import { uniqueAddresses } from "../domain/credential-recipients"
import { AcronisEventName, AcronisEventPayloads, AcronisEvents } from "../events"
import { AcronisEmailTemplateData, AcronisEmailTemplateName, EmailTemplateOverrides } from "./templates"

/** What the plugin's e-mails need from its options (`AcronisModuleService.getEmailSettings()`). */
export type AcronisEmailSettings = {
  shopName: string
  /** Where provisioning failures go; without it they are only logged. */
  operationsEmail: string | null
  templates: EmailTemplateOverrides
}

type EventEmail<Name extends AcronisEmailTemplateName, Payload extends AcronisEmailTemplateData[Name]> = {
  template: Name
  /** The addresses, each sent its own copy; none when there is nobody to send to (the reason is in `missingRecipient`). */
  recipients: (data: Payload, settings: AcronisEmailSettings) => (string | null | undefined)[]
  missingRecipient?: string
}

const toPayloadEmail = (data: { email: string }) => [data.email]
/** The payload's `recipients` when it names them, else its `email`. */
const toPayloadRecipients = (data: { email: string; recipients?: string[] | null }) =>
  data.recipients?.length ? data.recipients : [data.email]

/** Which message each plugin event sends, and to whom (each address once, whatever its case: see `emailRecipients`). */
export const acronisEmailByEvent: {
  [E in AcronisEventName]: EventEmail<AcronisEmailTemplateName, AcronisEventPayloads[E]>
} = {
  [AcronisEvents.ORDER_RECEIVED]: { template: "order-received", recipients: toPayloadEmail },
  [AcronisEvents.SUBSCRIPTION_ACTIVATED]: { template: "service-ready", recipients: toPayloadRecipients },
  [AcronisEvents.PROVISIONING_FAILED]: {
    template: "provisioning-failed",
    recipients: (_data, settings) => [settings.operationsEmail],
    missingRecipient: "the `operationsEmail` plugin option is not set",
  },
  [AcronisEvents.SUB_ACCOUNT_ACTIVATED]: { template: "sub-account-ready", recipients: toPayloadEmail },
  [AcronisEvents.STATEMENT_ISSUED]: { template: "monthly-statement", recipients: toPayloadEmail },
  [AcronisEvents.FREE_MONTH_ENDING]: { template: "free-month-ending", recipients: toPayloadEmail },
  [AcronisEvents.DELETION_SCHEDULED]: { template: "data-deletion-warning", recipients: toPayloadEmail },
  [AcronisEvents.SAAS_ORDER_PLACED]: { template: "saas-order-id", recipients: toPayloadRecipients },
}

/** Who an event's e-mail goes to: the route's addresses, each once (compared case-insensitively). */
export function emailRecipients<E extends AcronisEventName>(event: E, data: AcronisEventPayloads[E], settings: AcronisEmailSettings): string[] {
  const route = acronisEmailByEvent[event] as EventEmail<AcronisEmailTemplateName, AcronisEventPayloads[E]>
  return uniqueAddresses(route.recipients(data, settings))
}
