import type {
  DeletionScheduledPayload,
  FreeMonthEndingPayload,
  OrderReceivedPayload,
  ProvisioningFailedPayload,
  SaasOrderPlacedPayload,
  StatementIssuedPayload,
  SubAccountActivatedPayload,
  SubscriptionActivatedPayload,
} from "../events"
import { EmailContext, EmailMessage } from "./layout"
import { dataDeletionWarning } from "./templates/data-deletion-warning"
import { freeMonthEnding } from "./templates/free-month-ending"
import { monthlyStatement } from "./templates/monthly-statement"
import { orderReceived } from "./templates/order-received"
import { provisioningFailed } from "./templates/provisioning-failed"
import { saasOrderId } from "./templates/saas-order-id"
import { serviceReady } from "./templates/service-ready"
import { subAccountReady } from "./templates/sub-account-ready"

/** The data each template renders. Later features add their messages here and in `acronisEmailTemplates`. */
export type AcronisEmailTemplateData = {
  "order-received": OrderReceivedPayload
  "service-ready": SubscriptionActivatedPayload
  "provisioning-failed": ProvisioningFailedPayload
  "sub-account-ready": SubAccountActivatedPayload
  "monthly-statement": StatementIssuedPayload
  "free-month-ending": FreeMonthEndingPayload
  "data-deletion-warning": DeletionScheduledPayload
  "saas-order-id": SaasOrderPlacedPayload
}

export type AcronisEmailTemplateName = keyof AcronisEmailTemplateData

export type EmailTemplate<Data> = (data: Data, context: EmailContext) => EmailMessage

export const acronisEmailTemplates: { [Name in AcronisEmailTemplateName]: EmailTemplate<AcronisEmailTemplateData[Name]> } = {
  "order-received": orderReceived,
  "service-ready": serviceReady,
  "provisioning-failed": provisioningFailed,
  "sub-account-ready": subAccountReady,
  "monthly-statement": monthlyStatement,
  "free-month-ending": freeMonthEnding,
  "data-deletion-warning": dataDeletionWarning,
  "saas-order-id": saasOrderId,
}

export const ACRONIS_EMAIL_TEMPLATE_NAMES = Object.keys(acronisEmailTemplates) as AcronisEmailTemplateName[]

/** What a merchant's override receives besides the data: the shop's name and the message we would send. */
export type EmailOverrideContext = EmailContext & {
  template: AcronisEmailTemplateName
  defaultMessage: EmailMessage
  /** Escape user data before putting it into `html`. */
  escapeHtml: (value: unknown) => string
}

/** A merchant's own render function for one template (plugin option `emailTemplates`). */
export type EmailTemplateOverride<Data = any> = (
  data: Data,
  context: EmailOverrideContext
) => EmailMessage | Promise<EmailMessage>

export type EmailTemplateOverrides = {
  [Name in AcronisEmailTemplateName]?: EmailTemplateOverride<AcronisEmailTemplateData[Name]>
}
