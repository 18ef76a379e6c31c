import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { FreeMonthEndingPayload } from "../../../modules/acronis/events"
import { freeMonthOf } from "../../../modules/acronis/domain/free-month"
import { addDays, utcDay } from "../../../modules/acronis-billing/domain/period"
import type { SyncableSubscription } from "./load-syncable-subscriptions"

export const prepareFreeMonthNoticesStepId = "prepare-free-month-notices"

/** Days before the free month ends that the customer is told. */
export const FREE_MONTH_NOTICE_DAYS = 3

/**
 * Postponed billing gives one month free from activation; in its last days the customer is told that
 * billing starts. The e-mail is keyed on the subscription id, so the hourly sync sends it once.
 */
export const prepareFreeMonthNoticesStep = createStep(
  prepareFreeMonthNoticesStepId,
  async (subscriptions: SyncableSubscription[]) => {
    const today = utcDay(new Date())
    const notices = subscriptions.flatMap((s): FreeMonthEndingPayload[] => {
      if (!s.postponed_billing || !s.activated_at) return []
      const end = freeMonthOf(utcDay(new Date(s.activated_at))).to
      if (today > end || today < addDays(end, -(FREE_MONTH_NOTICE_DAYS - 1))) return []
      return [{ id: s.id, email: s.email, service_name: s.service_name, ends_at: `${addDays(end, 1)}T00:00:00.000Z`, manage_url: s.manage_url ?? "" }]
    })
    return new StepResponse(notices)
  }
)
