import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { unconfirmedActivationEmailsOf } from "./record-subscription-user"
import { writeProvisioningLog } from "./provisioning-log"

export const resendActivationEmailStepId = "resend-activation-email"

/**
 * Staff's answer to an unconfirmed activation e-mail: asks Acronis once more for the subscription's admin
 * user, unless the user has set a password since, and clears the warning. Only for an active subscription
 * whose user exists; a 400 says why otherwise.
 */
export const resendActivationEmailStep = createStep(
  resendActivationEmailStepId,
  async (input: { subscription_id: string }, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    if (subscription.status !== "active" || !subscription.user_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Acronis subscription ${subscription.id} is ${subscription.status}${subscription.user_id ? "" : " and has no admin user yet"}: only an active subscription's user is e-mailed again.`
      )
    }
    const client = acronis.getAcronisClient()
    const user = await client.users.get(subscription.user_id)
    if (!user.activated) await client.users.sendActivationEmail(user.id)
    const metadata = { ...((subscription.metadata ?? {}) as Record<string, unknown>) }
    const unconfirmed = { ...unconfirmedActivationEmailsOf(metadata) }
    delete unconfirmed[user.id]
    await acronis.updateAcronisSubscriptions({ id: subscription.id, metadata: { ...metadata, activation_emails_unconfirmed: unconfirmed } })
    await writeProvisioningLog(container, {
      subscription_id: subscription.id,
      attempt: subscription.attempts,
      step: resendActivationEmailStepId,
      outcome: user.activated ? "skipped" : "done",
      message: user.activated ? `user ${user.login} has activated already` : `activation e-mail to ${user.login} asked for again by staff`,
    })
    return new StepResponse({ sent: !user.activated })
  }
)
