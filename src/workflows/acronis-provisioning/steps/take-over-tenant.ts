import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { assertTransition } from "../../../modules/acronis/domain/subscription-status"
import { writeProvisioningLog } from "./provisioning-log"

export type TakeOverTenantInput = {
  subscription_id: string
  attempt: number
  tenant_id: string
  /** The run's find-or-create step created the tenant: it is enabled, so it is not read again. */
  just_created?: boolean
}

export type TakeOverTenantOutput = {
  /** Earlier subscriptions of the tenant that were `suspended` and are now `terminated`. */
  superseded: string[]
  /** True when the tenant was disabled and this run enabled it. */
  enabled_again: boolean
  /** Editions other active subscriptions of the tenant use: they stay on. */
  editions_in_use: string[]
}

export const takeOverTenantStepId = "take-over-tenant"

/**
 * Makes the tenant this subscription's, whatever earlier subscriptions left it as. A customer who re-orders
 * after a cancellation gets the same tenant back (found by our reference), disabled, and held by the old
 * `suspended` subscription, whose grace period would end by deleting it:
 *
 * 1. every other `suspended` subscription of the tenant becomes `terminated` (under its lock, re-read there),
 *    logged "superseded by …" on it — its tenant is not deleted, its usage is no longer synced, and its
 *    service span stays as its suspension closed it;
 * 2. only then is the tenant enabled (`PUT /tenants/{id}` `enabled: true` with its version; nothing is sent
 *    when it is enabled already), so a crash in between leaves a disabled tenant no deletion will touch,
 *    which the next run enables.
 *
 * Returns the editions that other `active` subscriptions of the tenant use, which the offering items keep.
 * Both changes converge on a re-run; neither is compensated: the old subscription is over either way.
 */
export const takeOverTenantStep = createStep(
  takeOverTenantStepId,
  async (input: TakeOverTenantInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const locking = container.resolve(Modules.LOCKING)
    const holders = await acronis.listAcronisSubscriptions({ tenant_id: input.tenant_id }, { select: ["id", "status", "editions"], take: null })
    const others = holders.filter((subscription) => subscription.id !== input.subscription_id)

    const superseded: string[] = []
    for (const { id } of others.filter((subscription) => subscription.status === "suspended")) {
      const terminated = await locking.execute(`acronis-subscription:${id}`, async () => {
        const old = await acronis.retrieveAcronisSubscription(id)
        if (old.status !== "suspended" || old.tenant_id !== input.tenant_id) return false
        assertTransition(id, old.status, "terminated")
        await acronis.updateAcronisSubscriptions({ id, status: "terminated", terminated_at: new Date() })
        await writeProvisioningLog(container, {
          subscription_id: id,
          attempt: old.attempts,
          step: takeOverTenantStepId,
          outcome: "terminated",
          message: `superseded by ${input.subscription_id}: tenant ${input.tenant_id} is kept for it`,
        })
        return true
      }, { timeout: 30 })
      if (terminated) superseded.push(id)
    }

    const tenants = acronis.getAcronisClient().tenants
    const wasEnabled = input.just_created || (await tenants.get(input.tenant_id)).enabled
    if (!wasEnabled) await tenants.enable(input.tenant_id)
    if (superseded.length || !wasEnabled) {
      await writeProvisioningLog(container, {
        subscription_id: input.subscription_id,
        attempt: input.attempt,
        step: takeOverTenantStepId,
        outcome: "done",
        message: [
          !wasEnabled && `tenant ${input.tenant_id} enabled again`,
          superseded.length && `supersedes ${superseded.join(", ")}`,
        ].filter(Boolean).join("; "),
      })
    }

    const editionsInUse = others
      .filter((subscription) => subscription.status === "active")
      .flatMap((subscription) => (subscription.editions as string[] | null) ?? [])
    return new StepResponse<TakeOverTenantOutput>({ superseded, enabled_again: !wasEnabled, editions_in_use: [...new Set(editionsInUse)] })
  }
)
