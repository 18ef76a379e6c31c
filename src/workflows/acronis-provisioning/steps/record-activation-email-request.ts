import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { CreatedAcronisUser } from "../../acronis/steps/create-acronis-users"

export type RecordActivationEmailRequestInput = {
  subscription_id: string
  users: CreatedAcronisUser[]
  /** Users an earlier run already e-mailed: nothing to ask for. */
  activation_email_sent_to: string[]
}

export const recordActivationEmailRequestStepId = "record-activation-email-request"

/** Users whose activation e-mail a run was about to ask Acronis for: `metadata.activation_emails_requested[user id]` = when. */
export function requestedActivationEmailsOf(metadata: unknown): Record<string, string> {
  const requested = (metadata as { activation_emails_requested?: unknown } | null)?.activation_emails_requested
  return requested && typeof requested === "object" ? (requested as Record<string, string>) : {}
}

async function writeRequested(container: { resolve<T>(key: string): T }, subscriptionId: string, update: (requested: Record<string, string>) => Record<string, string>) {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const subscription = await acronis.retrieveAcronisSubscription(subscriptionId, { select: ["id", "metadata"] })
  const current = (subscription.metadata ?? {}) as Record<string, unknown>
  await acronis.updateAcronisSubscriptions({
    id: subscriptionId,
    metadata: { ...current, activation_emails_requested: update(requestedActivationEmailsOf(current)) },
  })
}

/**
 * Writes down, before Acronis is asked, that this run asks for the users' activation e-mails. A process that
 * dies between Acronis sending the e-mail and the run recording it leaves this mark, and the next run treats
 * the e-mail as sent but unconfirmed (the admin warns, and can ask again) instead of sending a second one.
 * When the asking step fails with an answer, the run's compensation takes the mark back, so a retry asks again.
 */
export const recordActivationEmailRequestStep = createStep(
  recordActivationEmailRequestStepId,
  async (input: RecordActivationEmailRequestInput, { container }) => {
    const sent = new Set(input.activation_email_sent_to)
    const due = input.users.filter((user) => !user.activated && !user.activation_email_sent && !sent.has(user.acronis_user_id)).map((user) => user.acronis_user_id)
    if (!due.length) return new StepResponse(undefined, null)
    const at = new Date().toISOString()
    await writeRequested(container, input.subscription_id, (requested) => ({ ...requested, ...Object.fromEntries(due.map((id) => [id, at])) }))
    return new StepResponse(undefined, { subscription_id: input.subscription_id, user_ids: due })
  },
  async (marked, { container }) => {
    if (!marked) return
    await writeRequested(container, marked.subscription_id, (requested) =>
      Object.fromEntries(Object.entries(requested).filter(([id]) => !marked.user_ids.includes(id)))
    )
  }
)
