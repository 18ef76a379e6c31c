import type { ProvisioningFailedPayload } from "../../events"
import { EmailBlock, EmailContext, EmailMessage, action, compose, list, paragraph } from "../layout"

/**
 * To the merchant's operations address. It carries what Acronis answered (status, code, message) and
 * nothing of the request: no credentials, no tokens.
 */
export function provisioningFailed(data: ProvisioningFailedPayload, context: EmailContext): EmailMessage {
  const { error } = data
  const facts = [
    `Order: #${data.order_display_id} (${data.order_id})`,
    ...(data.customer_email ? [`Customer: ${data.customer_email}`] : []),
    `Step: ${data.step}`,
    `Acronis error: ${[error.http_status, error.code].filter(Boolean).join(" ") || "no code"}`,
    `Message: ${error.message}`,
  ]
  const blocks: EmailBlock[] = [
    paragraph(`Provisioning of order #${data.order_display_id} stopped at step "${data.step}" and needs attention.`),
    list(facts),
    paragraph("The customer has not been told about the failure. Fix the cause, then retry provisioning."),
  ]
  if (data.admin_url) {
    blocks.push(action("Open the order", data.admin_url))
  }
  return compose(context, `Provisioning failed for order #${data.order_display_id} (${data.step})`, blocks)
}
