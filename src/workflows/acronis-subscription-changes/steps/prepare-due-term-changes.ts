import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { offerAsBought } from "../../../modules/acronis/domain/plan-terms"
import { TENANT_HOLDING_STATUSES } from "../../../modules/acronis/domain/subscription-status"
import { describeChange, dueChanges, historyOf, termsOn, type TermsHistory } from "../../../modules/acronis/domain/term-history"
import { utcDay } from "../../../modules/acronis-billing/domain/period"

export type DueTermChanges = {
  subscription_id: string
  tenant_id: string
  attempt: number
  history: TermsHistory
  /** The changes whose day has come, to mark applied. */
  due: string[]
  /** Contracts: the tier to put the partner tenant on. */
  tier: number | null
  /** Plans: the seats to set as quota, on the plan's items that carry one. */
  seats: { seats: number; items: string[] } | null
  message: string
}

export const prepareDueTermChangesStepId = "prepare-due-term-changes"

/**
 * Under the subscription's lock: the scheduled changes whose day has come and that Acronis does not reflect
 * yet, and what that takes — the lower tier, the lower seat quota (an interval change needs nothing in
 * Acronis). Billing never waits for this: statements read the term history. Only subscriptions whose tenant
 * still exists are brought in line. Reads only.
 */
export const prepareDueTermChangesStep = createStep(
  prepareDueTermChangesStepId,
  async (input: { subscription_id: string; now: string }, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    const history = historyOf(subscription, offerAsBought(await acronis.retrieveAcronisOffer(subscription.offer_id), subscription), acronis.getEditionMapping())
    const today = utcDay(new Date(input.now))
    const holding = (TENANT_HOLDING_STATUSES as readonly string[]).includes(subscription.status) && !!subscription.tenant_id
    const due = holding ? dueChanges(history, today) : []
    const terms = termsOn(history, today)
    const offer = due.some((c) => c.type === "seats") ? await acronis.retrieveAcronisOffer(terms.offer_id) : null
    const included = (offer?.plan as { included_seats?: number | null } | null)?.included_seats ?? null
    const seats = terms.seats ?? included
    return new StepResponse<DueTermChanges>({
      subscription_id: subscription.id,
      tenant_id: subscription.tenant_id ?? "",
      attempt: subscription.attempts,
      history,
      due: due.map((c) => c.id),
      tier: due.some((c) => c.type === "contract_tier") ? terms.contract_tier : null,
      seats:
        offer && seats !== null
          ? { seats, items: ((offer.offering_items ?? []) as unknown as { name: string; quota?: unknown }[]).filter((i) => i.quota).map((i) => i.name) }
          : null,
      message: due.map((c) => `scheduled ${describeChange(c)} took effect`).join("; "),
    })
  }
)
