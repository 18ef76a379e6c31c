import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { currencyDigits, formatUnits, fromDecimal, roundToUnits, sub, type Ratio } from "../../../modules/acronis-billing/domain/exact"
import { periodBounds, periodOf, previousPeriod, utcDay, type Period } from "../../../modules/acronis-billing/domain/period"
import { sumAmounts, type DraftLine } from "../../../modules/acronis-billing/domain/statement"
import type { TermsHistory } from "../../../modules/acronis/domain/term-history"
import { statementOf } from "../../acronis-billing/steps/compute-statement"
import { loadBillingSubject } from "../../acronis-billing/steps/load-billing-subject"
import { changeViewOf, type SubscriptionChangeView } from "./record-subscription-change"
import { loadTermChangeContext, planSubscriptionChange, termChangeAction, type SubscriptionChangeInput } from "./prepare-subscription-change"

type Estimate = { total: string; lines: DraftLine[] }

export type SubscriptionChangePreview = Omit<SubscriptionChangeView, "terms" | "scheduled"> & {
  currency_code: string
  /** Each month whose statement the change alters, projected to its end at today's usage. */
  months: { period: Period; without: Estimate; with: Estimate; difference: string }[]
  /** The sum of the months' differences. */
  difference: string
}

/**
 * The months a change alters: this one, and for a change from a later day the month before it (whose
 * statement charges its first fee in advance) and its own.
 */
export function previewMonths(today: string, effectiveOn: string | null): Period[] {
  const current = periodOf(today)
  if (!effectiveOn || periodOf(effectiveOn) <= current) return [current]
  return [...new Set([current, previousPeriod(periodOf(effectiveOn)), periodOf(effectiveOn)])].sort()
}

async function estimate(container: MedusaContainer, input: { subscription_id: string; period: Period; since: string; history?: TermsHistory }): Promise<Estimate> {
  const subject = await loadBillingSubject(container, { subscription_id: input.subscription_id, period: input.period, snapshots_since: input.since, terms_history: input.history })
  // Checkout credit is left out: both sides would spend it alike, and its cap would hide the difference.
  const { total, lines } = statementOf({ ...subject, checkout_credit: "0" })
  return { total, lines }
}

export const previewSubscriptionChangeStepId = "preview-subscription-change"

/**
 * A change's cost before it is confirmed: the same decision as the confirmation (refused the same way, a
 * no-op the same way), then each month it alters billed twice by the same pure rules — with the change and
 * without it — each projected to the month's end with the usage synced so far carried forward. Reads only:
 * nothing is written, nothing is changed in Acronis.
 */
export const previewSubscriptionChangeStep = createStep(
  previewSubscriptionChangeStepId,
  async (input: SubscriptionChangeInput, { container }) => {
    const now = new Date()
    const context = await loadTermChangeContext(container, input.subscription_id)
    const plan = await planSubscriptionChange(container, context, input, now)
    await termChangeAction(container, context, plan)
    const digits = currencyDigits(context.currency_code)
    const amount = (value: Ratio) => formatUnits(roundToUnits(value, digits), digits)
    const today = utcDay(now)
    const since = periodBounds(previousPeriod(periodOf(today))).start
    // A request that only withdraws a scheduled change alters the months that change would have.
    const effectiveOn = plan.change?.effective_on ?? plan.history.changes.find((c) => plan.cancelled.includes(c.id))?.effective_on ?? null
    const months: SubscriptionChangePreview["months"] = []
    for (const period of previewMonths(today, effectiveOn)) {
      const without = await estimate(container, { subscription_id: context.subscription.id, period, since })
      const withChange = plan.outcome === "unchanged" ? without : await estimate(container, { subscription_id: context.subscription.id, period, since, history: plan.history })
      months.push({ period, without, with: withChange, difference: amount(sub(fromDecimal(withChange.total), fromDecimal(without.total))) })
    }
    const { terms: _terms, scheduled: _scheduled, ...view } = changeViewOf(plan.history, plan.outcome, plan.change, plan.cancelled, now)
    return new StepResponse<SubscriptionChangePreview>({
      ...view,
      currency_code: context.currency_code,
      months,
      difference: amount(sumAmounts(months.map((m) => m.difference))),
    })
  }
)
