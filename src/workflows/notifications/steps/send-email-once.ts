import type { ILockingModule, INotificationModuleService } from "@medusajs/framework/types"
import { Modules, NotificationStatus } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { PreparedAcronisEmail } from "./prepare-acronis-email"

export type SendEmailOnceResult = {
  /** `sent` now, `already_sent` earlier (nothing done), or `skipped` (nobody to send to). */
  status: "sent" | "already_sent" | "skipped"
  notification_id: string | null
}

export const sendEmailOnceStepId = "send-email-once"

/** The idempotency key of the n-th attempt: `${event}:${id}` first, then `${event}:${id}:retry-<n>`. */
export const emailIdempotencyKey = (email: PreparedAcronisEmail, attempt = 1): string =>
  attempt === 1 ? `${email.trigger_type}:${email.resource_id}` : `${email.trigger_type}:${email.resource_id}:retry-${attempt - 1}`

/**
 * Sends the e-mail through the Notification Module unless it went out before.
 *
 * The Notification Module skips a notification whose idempotency key it already holds, but two concurrent
 * runs can both miss it, and retrying a *failed* key resends and then fails on its own bookkeeping. So, under
 * a lock on the key: a delivered or in-flight notification for this event and id means "already sent";
 * earlier failures are kept for the record and the next attempt gets its own key, pointing back to the first.
 * No compensation: a sent e-mail cannot be unsent.
 */
export const sendEmailOnceStep = createStep(
  sendEmailOnceStepId,
  async (email: PreparedAcronisEmail | null, { container }) => {
    if (!email) {
      return new StepResponse<SendEmailOnceResult>({ status: "skipped", notification_id: null })
    }
    const locking = container.resolve<ILockingModule>(Modules.LOCKING)
    const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)

    const result = await locking.execute(
      emailIdempotencyKey(email),
      async (): Promise<SendEmailOnceResult> => {
        const previous = await notifications.listNotifications(
          { channel: "email", template: email.template, trigger_type: email.trigger_type, resource_id: email.resource_id },
          { select: ["id", "status", "created_at"], order: { created_at: "ASC" } }
        )
        const delivered = previous.find((notification) => notification.status !== NotificationStatus.FAILURE)
        if (delivered) {
          return { status: "already_sent", notification_id: delivered.id }
        }
        const notification = await notifications.createNotifications({
          to: email.to,
          channel: "email",
          template: email.template,
          data: email.data,
          content: email.content,
          trigger_type: email.trigger_type,
          resource_id: email.resource_id,
          idempotency_key: emailIdempotencyKey(email, previous.length + 1),
          original_notification_id: previous[0]?.id ?? null,
        })
        return { status: "sent", notification_id: notification?.id ?? null }
      },
      { timeout: 30 }
    )
    return new StepResponse(result)
  }
)
