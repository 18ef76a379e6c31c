import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { ACRONIS_CHECKOUT_MODULE } from "../../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../../modules/acronis-checkout/service"
import type { CreatedAcronisUser } from "../../acronis/steps/create-acronis-users"
import { writeProvisioningLog } from "./provisioning-log"

export type RecordSubscriptionUserInput = { subscription_id: string; attempt: number; user: CreatedAcronisUser }

export const recordSubscriptionUserStepId = "record-subscription-user"

/** Where a subscription records the activation e-mails Acronis sent: `metadata.activation_emails[user id]` = when. */
export function activationEmailsOf(metadata: unknown): Record<string, string> {
  const emails = (metadata as { activation_emails?: unknown } | null)?.activation_emails
  return emails && typeof emails === "object" ? (emails as Record<string, string>) : {}
}

/** Users whose activation e-mail Acronis never confirmed (the answer was lost): user id → login. */
export function unconfirmedActivationEmailsOf(metadata: unknown): Record<string, string> {
  const emails = (metadata as { activation_emails_unconfirmed?: unknown } | null)?.activation_emails_unconfirmed
  return emails && typeof emails === "object" ? (emails as Record<string, string>) : {}
}

/**
 * Stores the admin user's id and login on the subscription and logs whether it was created or found from an
 * earlier run. When this run had Acronis send the activation e-mail, records it for the user
 * (`metadata.activation_emails`), so later runs — retries after a failed step — do not send it again. A
 * crash between the e-mail and this write is covered by the mark `recordActivationEmailRequestStep` left. Releases the order's
 * login reservation: Acronis holds the login from now on. Not compensated: the user is kept with its tenant.
 */
export const recordSubscriptionUserStep = createStep(
  recordSubscriptionUserStepId,
  async (input: RecordSubscriptionUserInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { user } = input
    let metadata: Record<string, unknown> | undefined
    if (user.activation_email_sent) {
      const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id, { select: ["id", "metadata"] })
      const current = (subscription.metadata ?? {}) as Record<string, unknown>
      const at = new Date().toISOString()
      metadata = {
        ...current,
        activation_emails: { ...activationEmailsOf(current), [user.acronis_user_id]: at },
        ...(user.activation_email_unconfirmed && {
          activation_emails_unconfirmed: { ...unconfirmedActivationEmailsOf(current), [user.acronis_user_id]: user.login },
        }),
      }
    }
    const { order_id } = await acronis.updateAcronisSubscriptions({
      id: input.subscription_id,
      user_id: user.acronis_user_id,
      login: user.login,
      ...(metadata && { metadata }),
    })
    // The login is Acronis's now, which refuses it to anyone else: the checkout's reservation has done its job.
    const checkout = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    const reservations = await checkout.listAcronisLoginReservations(
      { order_id, login: user.login.toLowerCase(), released_at: null },
      { select: ["id"] }
    )
    if (reservations.length) {
      await checkout.updateAcronisLoginReservations(reservations.map(({ id }) => ({ id, released_at: new Date() })))
    }
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt: input.attempt,
      step: "create-admin-user",
      outcome: user.outcome,
      message: `user ${user.login} (${user.acronis_user_id})${user.activation_email_sent ? "; activation e-mail sent" : ""}`,
    })
    return new StepResponse(user)
  }
)
