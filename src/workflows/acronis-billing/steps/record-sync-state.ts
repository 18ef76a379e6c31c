import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import type { FetchTenantUsagesOutput } from "./fetch-tenant-usages"

export const recordSyncStateStepId = "record-sync-state"

/** Per subscription: when usage last synced, or what the last attempt failed with (kept until a good sync). */
export const recordSyncStateStep = createStep(
  recordSyncStateStepId,
  async (input: FetchTenantUsagesOutput, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const at = new Date(input.synced_at)
    const ids = input.results.map((r) => r.subscription_id)
    const accounts = ids.length ? await billing.listAcronisBillingAccounts({ subscription_id: ids }, { take: null }) : []
    const bySubscription = new Map(accounts.map((a) => [a.subscription_id, a.id]))
    const states = input.results.map((r) => ({
      subscription_id: r.subscription_id,
      last_sync_attempt_at: at,
      ...(r.ok ? { last_synced_at: at, last_sync_error: null } : { last_sync_error: { ...r.error, at: input.synced_at } }),
    }))
    const updates = states.filter((s) => bySubscription.has(s.subscription_id)).map(({ subscription_id, ...rest }) => ({ id: bySubscription.get(subscription_id)!, ...rest }))
    const creates = states.filter((s) => !bySubscription.has(s.subscription_id))
    if (updates.length) await billing.updateAcronisBillingAccounts(updates)
    if (creates.length) await billing.createAcronisBillingAccounts(creates)
    const failed = input.results.filter((r) => !r.ok).map((r) => r.subscription_id)
    return new StepResponse({ synced: ids.length - failed.length, failed })
  }
)
