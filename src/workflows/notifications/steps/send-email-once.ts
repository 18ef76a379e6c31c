import type { ILockingModule, INotificationModuleService } from "@medusajs/framework/types"
import { Modules, NotificationStatus } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PreparedAcronisEmail } from "./prepare-acronis-email"

type SendStatus = "sent" | "already_sent" | "skipped"

export type SendEmailOnceResult = {
  /**
   * `sent` now (to at least one recipient), `already_sent` earlier to every recipient (nothing done), or
   * `skipped` (nobody to send to).
   */
  status: SendStatus
  /** The first recipient's notification. */
  notification_id: string | null
  /** What happened for each recipient. */
  recipients: { to: string; status: Exclude<SendStatus, "skipped">; notification_id: string | null }[]
}

export const sendEmailOnceStepId = "send-email-once"

/**
 * The idempotency key of the n-th attempt to one recipient: `${event}:${id}:${address}` first, then
 * `${event}:${id}:${address}:retry-<n>`. The address is lower case: one address, whatever its spelling, is one message.
 */
export const emailIdempotencyKey = (email: Pick<PreparedAcronisEmail, "trigger_type" | "resource_id">, to: string, attempt = 1): string => {
  const key = `${email.trigger_type}:${email.resource_id}:${to.toLowerCase()}`
  return attempt === 1 ? key : `${key}:retry-${attempt - 1}`
}

/**
 * Sends the e-mail to each recipient through the Notification Module unless it went out to them before.
 *
 * The Notification Module skips a notification whose idempotency key it already holds, but two concurrent
 * runs can both miss it, and retrying a *failed* key resends and then fails on its own bookkeeping. So, under
 * a lock on the recipient's key: a delivered or in-flight notification of this event and id to this address
 * means "already sent"; earlier failures are kept for the record and the next attempt gets its own key,
 * pointing back to the first. No compensation: a sent e-mail cannot be unsent.
 */
export const sendEmailOnceStep = createStep(
  sendEmailOnceStepId,
  async (email: PreparedAcronisEmail | null, { container }) => {
    if (!email?.to.length) {
      return new StepResponse<SendEmailOnceResult>({ status: "skipped", notification_id: null, recipients: [] })
    }
    const locking = container.resolve<ILockingModule>(Modules.LOCKING)
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)

    const sendTo = (to: string) =>
      locking.execute(
        emailIdempotencyKey(email, to),
        async (): Promise<SendEmailOnceResult["recipients"][number]> => {
          const previous = (
            await notifications.listNotifications(
              { channel: "email", template: email.template, trigger_type: email.trigger_type, resource_id: email.resource_id },
              { select: ["id", "to", "status", "created_at"], order: { created_at: "ASC" } }
            )
          ).filter((notification) => notification.to.toLowerCase() === to.toLowerCase())
          const delivered = previous.find((notification) => notification.status !== NotificationStatus.FAILURE)
          if (delivered) {
            return { to, status: "already_sent", notification_id: delivered.id }
          }
          const notification = await notifications.createNotifications({
            to,
            channel: "email",
            template: email.template,
            data: email.data,
            content: email.content,
            trigger_type: email.trigger_type,
            resource_id: email.resource_id,
            idempotency_key: emailIdempotencyKey(email, to, previous.length + 1),
            original_notification_id: previous[0]?.id ?? null,
          })
          return { to, status: "sent", notification_id: notification?.id ?? null }
        },
        { timeout: 30 }
      )

    // One after the other: each waits on its own lock, and a provider is not flooded by one event.
    const recipients: SendEmailOnceResult["recipients"] = []
    for (const to of email.to) {
      recipients.push(await sendTo(to))
    }
    return new StepResponse<SendEmailOnceResult>({
      status: recipients.some((recipient) => recipient.status === "sent") ? "sent" : "already_sent",
      notification_id: recipients[0].notification_id,
      recipients,
    })
  }
)
