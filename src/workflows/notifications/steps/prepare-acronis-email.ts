import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { acronisEmailByEvent, emailRecipients } from "../../../modules/acronis/emails/by-event"
import { AcronisEmailTemplateName, EmailMessage, renderAcronisEmail } from "../../../modules/acronis/emails"
import type { AcronisEventMessage } from "../../../modules/acronis/events"

/** One rendered e-mail, ready for the Notification Module: one notification per recipient. */
export type PreparedAcronisEmail = {
  /** Each address once (compared case-insensitively); never empty. */
  to: string[]
  template: AcronisEmailTemplateName
  content: EmailMessage
  /** The event payload, kept on the notification row for the record. */
  data: Record<string, unknown>
  /** The event name and the payload `id`: together they say which message this is. */
  trigger_type: string
  resource_id: string
}

export const prepareAcronisEmailStepId = "prepare-acronis-email"

/**
 * Picks the message and recipients for a plugin event and renders it, with the merchant's override if there
 * is one. Returns nothing when there is nobody to send to (a provisioning failure without `operationsEmail`).
 */
export const prepareAcronisEmailStep = createStep(
  prepareAcronisEmailStepId,
  async ({ event, data }: AcronisEventMessage, { container }) => {
    const route = acronisEmailByEvent[event]
    if (!route) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${event}" is not an event the plugin e-mails about`)
    }
    if (!data?.id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The "${event}" payload has no \`id\`; it is what keeps the e-mail from being sent twice`)
    }
    const settings = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).getEmailSettings()
    const to = emailRecipients(event, data as never, settings)
    if (!to.length) {
      if (!route.missingRecipient) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `The "${event}" payload for ${data.id} has no recipient \`email\``)
      }
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`acronis: no e-mail for ${event} ${data.id}: ${route.missingRecipient}`)
      return new StepResponse(null)
    }
    const content = await renderAcronisEmail(route.template, data as never, {
      shopName: settings.shopName,
      overrides: settings.templates,
    })
    const email: PreparedAcronisEmail = {
      to,
      template: route.template,
      content,
      data: data as Record<string, unknown>,
      trigger_type: event,
      resource_id: data.id,
    }
    return new StepResponse(email)
  }
)
