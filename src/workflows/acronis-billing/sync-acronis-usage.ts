import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents } from "../../modules/acronis/events"
import {
  fetchTenantUsagesStep,
  loadSyncableSubscriptionsStep,
  prepareFreeMonthNoticesStep,
  recordSyncStateStep,
  saveUsageSnapshotsStep,
} from "./steps"

export type SyncAcronisUsageWorkflowInput = {
  /** Only these subscriptions (a job's page); all active and suspended ones otherwise. */
  subscription_ids?: string[]
}

export const syncAcronisUsageWorkflowId = "sync-acronis-usage"

/**
 * Reads current usage from Acronis for many tenants per call and stores it as today's (UTC) snapshot per
 * subscription, offering item and storage, replacing any earlier sync of the same day. A tenant that fails
 * is recorded on its subscription's billing account and does not stop the others. Near the end of a free
 * month (postponed billing), the customer is e-mailed once.
 */
export const syncAcronisUsageWorkflow = createWorkflow(syncAcronisUsageWorkflowId, (input: SyncAcronisUsageWorkflowInput) => {
  const subscriptions = loadSyncableSubscriptionsStep(input)
  const fetched = fetchTenantUsagesStep(subscriptions)
  const saved = saveUsageSnapshotsStep(fetched)
  const state = recordSyncStateStep(fetched)
  const notices = prepareFreeMonthNoticesStep(subscriptions)
  when("notify-free-month-ending", { notices }, ({ notices }) => notices.length > 0).then(() => {
    emitEventStep({ eventName: AcronisEvents.FREE_MONTH_ENDING, data: notices })
  })
  const result = transform({ fetched, saved, state }, ({ fetched, saved, state }) => ({
    synced_at: fetched.synced_at,
    subscriptions: fetched.results.length,
    failed: state.failed,
    snapshots_created: saved.created,
    snapshots_replaced: saved.replaced,
  }))
  return new WorkflowResponse(result)
})
