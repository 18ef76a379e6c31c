import { Modules } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { AcronisEvents, type DeletionScheduledPayload } from "../../../modules/acronis/events"
import { gracePeriodStage } from "../../../modules/acronis/domain/grace-period"
import { withSubscriptionLock } from "./subscription-lock"
import { terminateSuspendedSubscription } from "./terminate-subscription"

export type EndGracePeriodsOutput = {
  warned: string[]
  terminated: string[]
  failed: { subscription_id: string; message: string }[]
}

export const endGracePeriodsStepId = "end-grace-periods"

/**
 * For every suspended subscription: warns its customer once, `deletionWarningDays` before the tenant is
 * deleted, and deletes the tenant in Acronis once the grace period is over and the warning has had its days.
 * Each subscription under its own lock, re-read inside it, so a resume at the same moment wins or loses
 * cleanly; one tenant's error is recorded and the others go on. Deleting a tenant cannot be undone, so
 * nothing is compensated.
 */
export const endGracePeriodsStep = createStep(endGracePeriodsStepId, async (input: { now: string }, { container }) => {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const settings = await acronis.getLifecycleSettings()
  const now = new Date(input.now)
  const output: EndGracePeriodsOutput = { warned: [], terminated: [], failed: [] }
  const suspended = await acronis.listAcronisSubscriptions(
    { status: "suspended", terminate_after: { $ne: null } },
    { select: ["id"], take: null, order: { id: "ASC" } }
  )
  for (const { id } of suspended) {
    try {
      await withSubscriptionLock(container, id, async (subscription) => {
        if (subscription.status !== "suspended" || !subscription.terminate_after) return
        // A tenant another live subscription uses is kept: nothing is deleted, so nobody is warned.
        const sharedWith = subscription.tenant_id
          ? await acronis.listOtherTenantHolders(subscription.tenant_id, id, { includeSuspended: true })
          : []
        const stage = sharedWith.length
          ? now >= new Date(subscription.terminate_after) ? "terminate" : "wait"
          : gracePeriodStage({
              now,
              terminate_after: new Date(subscription.terminate_after),
              deletion_warned_at: subscription.deletion_warned_at ? new Date(subscription.deletion_warned_at) : null,
              warning_days: settings.deletion_warning_days,
            })
        if (stage === "warn") {
          // A late warning still gives its full notice, so the deletion moves with it.
          const deletesAt = Math.max(new Date(subscription.terminate_after).getTime(), now.getTime() + settings.deletion_warning_days * 86_400_000)
          const payload: DeletionScheduledPayload = {
            id: subscription.id,
            email: subscription.email,
            service_name: subscription.service_name,
            deletes_at: new Date(deletesAt).toISOString(),
            manage_url: subscription.manage_url ?? null,
          }
          // Sent before it is recorded: a failed send is tried again next run; a repeat is one e-mail (its key).
          await eventBus.emit({ name: AcronisEvents.DELETION_SCHEDULED, data: payload })
          await acronis.updateAcronisSubscriptions({ id, deletion_warned_at: now })
          output.warned.push(id)
        } else if (stage === "terminate") {
          await terminateSuspendedSubscription(container, acronis, subscription, { now, step: endGracePeriodsStepId, why: "grace period over" })
          output.terminated.push(id)
        }
      })
    } catch (error) {
      output.failed.push({ subscription_id: id, message: (error as Error).message })
    }
  }
  return new StepResponse(output)
})
