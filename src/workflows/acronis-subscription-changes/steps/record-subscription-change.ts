import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import {
  columnsFor,
  describeChange,
  liveChanges,
  nextChangeOn,
  termsOn,
  type SubscriptionTerms,
  type TermChange,
  type TermsHistory,
} from "../../../modules/acronis/domain/term-history"
import { utcDay } from "../../../modules/acronis-billing/domain/period"
import type { ApplyContractTierOutput } from "../../acronis-provisioning/steps/apply-contract-tier"
import { writeProvisioningLog } from "../../acronis-provisioning/steps/provisioning-log"
import type { PreparedSubscriptionChange } from "./prepare-subscription-change"

/** What the change routes answer: the outcome, the terms in force today and the changes still waiting. */
export type SubscriptionChangeView = {
  outcome: "changed" | "unchanged" | "cancelled"
  change: (TermChange & { description: string }) | null
  cancelled: string[]
  terms: SubscriptionTerms
  scheduled: (TermChange & { description: string })[]
}

const described = (change: TermChange) => ({ ...change, description: describeChange(change) })

export function changeViewOf(history: TermsHistory, outcome: SubscriptionChangeView["outcome"], change: TermChange | null, cancelled: string[], now: Date): SubscriptionChangeView {
  const today = utcDay(now)
  return {
    outcome,
    change: change ? described(history.changes.find((c) => c.id === change.id) ?? change) : null,
    cancelled,
    terms: termsOn(history, today),
    scheduled: liveChanges(history).filter((c) => c.effective_on > today).map(described),
  }
}

/**
 * Stores the subscription's new terms: the change in its term history (applied now when it took effect at
 * once — Acronis was brought in line by the steps before — or waiting for its day), the withdrawn changes
 * marked, the columns that say today's terms, the day the scheduled job must look at it, and a line of its
 * log. A no-op request writes nothing. The terms are history, so nothing is compensated.
 */
export async function recordTermsHistory(
  container: MedusaContainer,
  input: { subscription_id: string; attempt: number; history: TermsHistory; applied: string[]; tier?: ApplyContractTierOutput | null; message: string; now: Date }
) {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const at = input.now.toISOString()
  const history: TermsHistory = {
    initial: input.history.initial,
    changes: input.history.changes.map((c) => (input.applied.includes(c.id) ? { ...c, applied_at: at } : c)),
  }
  const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
  const columns = input.applied.length ? columnsFor(termsOn(history, utcDay(input.now)), subscription.commitment) : {}
  if (input.tier && columns.commitment) {
    columns.commitment = { ...(columns.commitment as Record<string, unknown>), tier_level_value: input.tier.tier_level_value, tier_applied: input.tier.tier_applied, tier_note: input.tier.tier_note }
  }
  await acronis.updateAcronisSubscriptions({
    id: subscription.id,
    terms_history: history as unknown as Record<string, unknown>,
    next_change_on: nextChangeOn(history),
    ...columns,
  })
  await writeProvisioningLog(container, {
    subscription_id: subscription.id,
    attempt: input.attempt,
    step: "change-subscription-terms",
    outcome: "done",
    message: input.message,
  })
  return history
}

export const recordSubscriptionChangeStepId = "record-subscription-change"

export const recordSubscriptionChangeStep = createStep(
  recordSubscriptionChangeStepId,
  async (input: { prepared: PreparedSubscriptionChange; tier?: ApplyContractTierOutput | null }, { container }) => {
    const { plan } = input.prepared
    const now = new Date()
    if (plan.outcome === "unchanged") {
      return new StepResponse(changeViewOf(plan.history, "unchanged", plan.change, [], now))
    }
    const change = plan.change
    const message = [
      change && `${describeChange(change)}, asked by ${change.requested_by === "admin" ? "staff" : "the customer"}`,
      plan.cancelled.length && `withdrew ${plan.cancelled.join(", ")}`,
    ].filter(Boolean).join("; ")
    const history = await recordTermsHistory(container, {
      subscription_id: input.prepared.subscription_id,
      attempt: input.prepared.attempt,
      history: plan.history,
      applied: change && change.timing === "immediate" ? [change.id] : [],
      tier: input.tier,
      message,
      now,
    })
    return new StepResponse(changeViewOf(history, plan.outcome, change, plan.cancelled, now))
  }
)
