import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AcronisApiError, type AcronisClient } from "../../../lib/acronis"
import { mapBounded } from "../../../lib/concurrency"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { CreatedAcronisUser } from "./create-acronis-users"

export type SendActivationEmailsInput = {
  /** Users from `createAcronisUsersStep` run with `send_activation_email: false`. */
  users: CreatedAcronisUser[]
  /** Acronis user ids an earlier run already had e-mailed (the caller's record): not e-mailed again. */
  activation_email_sent_to?: string[]
  /**
   * Users an earlier run was asking for when it died, with no record of the outcome: Acronis may have sent the
   * e-mail, so it is not asked again; the user is reported `activation_email_unconfirmed`, like a lost answer.
   */
  activation_email_requested_for?: string[]
}

export const sendActivationEmailsStepId = "send-activation-emails"
const EMAILS_AT_ONCE = 4

/** What the step does in Acronis, for callers without a workflow (the provisioning benchmark). */
export async function sendActivationEmails(client: AcronisClient, input: SendActivationEmailsInput): Promise<CreatedAcronisUser[]> {
  const emailedBefore = new Set(input.activation_email_sent_to ?? [])
  const due = (user: CreatedAcronisUser) => !user.activated && !user.activation_email_sent && !emailedBefore.has(user.acronis_user_id)
  const requestedBefore = new Set(input.activation_email_requested_for ?? [])
  const outcomes = new Map(
    await mapBounded(input.users.filter(due), EMAILS_AT_ONCE, async (user) =>
      [user.acronis_user_id, requestedBefore.has(user.acronis_user_id) ? ("unconfirmed" as const) : await askForActivationEmail(client, user)] as const
    )
  )
  return input.users.map((user) => {
    const outcome = outcomes.get(user.acronis_user_id)
    return {
      ...user,
      activation_email_sent: user.activation_email_sent || !!outcome,
      ...(outcome === "unconfirmed" && { activation_email_unconfirmed: true }),
    }
  })
}

/**
 * `sent`, or `unconfirmed` when the answer was lost on the way (timeout, dropped connection): Acronis most
 * likely queued it, and a second e-mail is what the customer would see, so it is not asked again; the admin
 * shows a warning with the way to ask again (`POST /admin/acronis/subscriptions/:id/activation-email`). An answer that says it failed is thrown: the run is retried and asks again.
 */
async function askForActivationEmail(client: AcronisClient, user: CreatedAcronisUser): Promise<"sent" | "unconfirmed"> {
  try {
    await client.users.sendActivationEmail(user.acronis_user_id)
    return "sent"
  } catch (error) {
    if (error instanceof AcronisApiError && (error.kind === "network" || error.kind === "timeout")) return "unconfirmed"
    throw error
  }
}

/**
 * Has Acronis send its activation e-mail to each user who has not set a password yet and whom no earlier run
 * e-mailed. A step of its own so that a workflow can create users alongside other work and e-mail them only
 * once that work succeeded. Returns the users with `activation_email_sent` for the caller to record. Not
 * compensated: an e-mail cannot be recalled.
 */
export const sendActivationEmailsStep = createStep(
  sendActivationEmailsStepId,
  async (input: SendActivationEmailsInput, { container }) => {
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    return new StepResponse(await sendActivationEmails(client, input))
  }
)
