import { MedusaError } from "@medusajs/framework/utils"
import { escapeHtml } from "./html"
import { EmailContext, EmailMessage } from "./layout"
import {
  AcronisEmailTemplateData,
  AcronisEmailTemplateName,
  EmailTemplate,
  EmailTemplateOverride,
  EmailTemplateOverrides,
  acronisEmailTemplates,
} from "./templates"

export type RenderContext = EmailContext & { overrides?: EmailTemplateOverrides }

export function isAcronisEmailTemplate(name: string): name is AcronisEmailTemplateName {
  return Object.prototype.hasOwnProperty.call(acronisEmailTemplates, name)
}

/**
 * Renders one of the plugin's messages: the merchant's override when there is one (it receives our message
 * as `context.defaultMessage`, so it may change only the subject), else ours.
 */
export async function renderAcronisEmail<Name extends AcronisEmailTemplateName>(
  template: Name,
  data: AcronisEmailTemplateData[Name],
  { overrides, ...context }: RenderContext
): Promise<EmailMessage> {
  if (!isAcronisEmailTemplate(template)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown e-mail template "${template}"`)
  }
  const defaultMessage = (acronisEmailTemplates[template] as EmailTemplate<AcronisEmailTemplateData[Name]>)(data, context)
  const override = overrides?.[template] as EmailTemplateOverride<AcronisEmailTemplateData[Name]> | undefined
  if (!override) {
    return defaultMessage
  }
  const message = await override(data, { ...context, template, defaultMessage, escapeHtml })
  for (const part of ["subject", "text", "html"] as const) {
    if (typeof message?.[part] !== "string" || !message[part]) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The \`emailTemplates["${template}"]\` override must return { subject, text, html } as non-empty strings; \`${part}\` is missing`
      )
    }
  }
  return { subject: message.subject, text: message.text, html: message.html }
}
