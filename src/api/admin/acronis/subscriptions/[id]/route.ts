import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { unconfirmedActivationEmailsOf } from "../../../../../workflows/acronis-provisioning/steps/record-subscription-user"
import { subscriptionDetailFields } from "../query-config"

/** What staff must know about a suspended subscription: Acronis still bills the merchant, and when it ends. */
function suspendedWarning(terminateAfter: string | Date | null | undefined): string {
  const deletion = terminateAfter
    ? ` The plugin deletes the tenant, with all its data, on ${new Date(terminateAfter).toISOString().slice(0, 10)} unless the subscription is resumed first (POST /admin/acronis/subscriptions/:id/resume).`
    : ""
  return `The Acronis tenant is disabled, not deleted: Acronis keeps its data and still bills you for the storage it uses while disabled. The customer is no longer billed.${deletion}`
}

/** Users Acronis may not have e-mailed: staff can tell the customer how to get in anyway. */
function unconfirmedEmailWarnings(metadata: unknown): string[] {
  return Object.values(unconfirmedActivationEmailsOf(metadata)).map(
    (login) =>
      `Acronis did not confirm the activation e-mail to ${login}: the answer was lost after it was asked for, so it was not asked again (a second e-mail is what the customer would see). If the customer has none, ask for it again: POST /admin/acronis/subscriptions/:id/activation-email.`
  )
}

/** One subscription with its provisioning log (each step, run, time, outcome, Acronis status and code). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionDetailFields,
    filters: { id: req.params.id },
  })
  if (!subscription) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Acronis subscription ${req.params.id} does not exist.`)
  const { provisioning_logs: logs, ...rest } = subscription as typeof subscription & { provisioning_logs: { at: string | Date }[] }
  const provisioningLog = [...(logs ?? [])].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
  res.json({
    subscription: { ...rest, provisioning_log: provisioningLog },
    warnings: [
      ...(subscription.status === "suspended" ? [suspendedWarning(subscription.terminate_after)] : []),
      ...unconfirmedEmailWarnings(subscription.metadata),
    ],
  })
}
