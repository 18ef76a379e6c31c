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
  /** The address, or null when there is nobody to send to (the reason is in `missingRecipient`). */
  recipient: (data: Payload, settings: AcronisEmailSettings) => string | null
  missingRecipient?: string
}

const toPayloadEmail = (data: { email: string }) => data.email

/** Which message each plugin event sends, and to whom. */
export const acronisEmailByEvent: {
  [E in AcronisEventName]: EventEmail<AcronisEmailTemplateName, AcronisEventPayloads[E]>
} = {
  [AcronisEvents.ORDER_RECEIVED]: { template: "order-received", recipient: toPayloadEmail },
  [AcronisEvents.SUBSCRIPTION_ACTIVATED]: { template: "service-ready", recipient: toPayloadEmail },
  [AcronisEvents.PROVISIONING_FAILED]: {
    template: "provisioning-failed",
    recipient: (_data, settings) => settings.operationsEmail,
    missingRecipient: "the `operationsEmail` plugin option is not set",
  },
  [AcronisEvents.SUB_ACCOUNT_ACTIVATED]: { template: "sub-account-ready", recipient: toPayloadEmail },
  [AcronisEvents.STATEMENT_ISSUED]: { template: "monthly-statement", recipient: toPayloadEmail },
  [AcronisEvents.FREE_MONTH_ENDING]: { template: "free-month-ending", recipient: toPayloadEmail },
  [AcronisEvents.DELETION_SCHEDULED]: { template: "data-deletion-warning", recipient: toPayloadEmail },
}
