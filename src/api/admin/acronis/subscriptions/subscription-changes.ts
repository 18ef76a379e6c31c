import type { MedusaContainer } from "@medusajs/framework/types"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import type AcronisModuleService from "../../../../modules/acronis/service"
import { describeChange, historyOf, liveChanges, termsOn, type TermChangeRequest } from "../../../../modules/acronis/domain/term-history"
import { offerAsBought } from "../../../../modules/acronis/domain/plan-terms"
import { utcDay } from "../../../../modules/acronis-billing/domain/period"
import { changeAcronisSubscriptionWorkflow, previewAcronisSubscriptionChangeWorkflow } from "../../../../workflows/acronis-subscription-changes"

/**
 * The change routes of staff and of the customer who owns the subscription share these: preview a change,
 * confirm it, read the subscription's terms with what is scheduled and every change so far.
 */
type By = "admin" | "customer"

export async function previewSubscriptionChange(scope: MedusaContainer, subscriptionId: string, change: TermChangeRequest, by: By) {
  const { result } = await previewAcronisSubscriptionChangeWorkflow(scope).run({ input: { subscription_id: subscriptionId, change, requested_by: by } })
  return result
}

export async function confirmSubscriptionChange(scope: MedusaContainer, subscriptionId: string, change: TermChangeRequest, by: By) {
  const { result } = await changeAcronisSubscriptionWorkflow(scope).run({ input: { subscription_id: subscriptionId, change, requested_by: by } })
  return result
}

export async function subscriptionChangesView(scope: MedusaContainer, subscriptionId: string) {
  const acronis = scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const subscription = await acronis.retrieveAcronisSubscription(subscriptionId)
  const history = historyOf(subscription, offerAsBought(await acronis.retrieveAcronisOffer(subscription.offer_id), subscription), acronis.getEditionMapping())
  const today = utcDay(new Date())
  const described = history.changes.map((change) => ({ ...change, description: describeChange(change) }))
  return {
    terms: termsOn(history, today),
    scheduled: liveChanges(history).filter((c) => c.effective_on > today).map((c) => described.find((d) => d.id === c.id)!),
    changes: described,
  }
}
