import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { describeProvisioningFailure } from "../../modules/acronis/domain/provisioning-failure"
import type { ProvisioningRequestedPayload } from "../../modules/acronis/provisioning-events"
import { claimAcronisSubscriptionWorkflow } from "./claim-acronis-subscription"
import {
  provisionAcronisSubscriptionTransactionId,
  provisionAcronisSubscriptionWorkflow,
} from "./provision-acronis-subscription"
import { recordAcronisProvisioningFailureWorkflow } from "./record-acronis-provisioning-failure"

export type AcronisProvisioningOutcome =
  | { outcome: "skipped"; reason: string | null }
  | { outcome: "active" | "suspended"; runs: number }
  | { outcome: "failed"; runs: number; step: string; message: string }

const MAX_DELAY_MS = 5 * 60 * 1000

/**
 * Runs provisioning for one subscription until it is done or the retry budget is spent:
 *
 * 1. claims it (`claimAcronisSubscriptionWorkflow`) — a refused claim (already provisioned, under way,
 *    a staff order on `order.placed`) ends here, which is what makes duplicate events harmless;
 * 2. runs `provisionAcronisSubscriptionWorkflow` with the line item's transaction id; a failed run that may
 *    pass later (Acronis 5xx/429, timeouts, dropped connections, version races) is logged as `retrying` and run
 *    again after an exponential back-off (`provisioning.retryBaseDelayMs` × 2ⁿ, at least Acronis's
 *    Retry-After), resuming from the stored tenant and user ids;
 * 3. when the budget (`provisioning.attempts` runs) is spent, or the failure needs a person (a taken login,
 *    a deleted tenant, missing licensing models), records it: subscription `failed`, operations e-mailed.
 *    `POST /admin/acronis/subscriptions/:id/retry` starts this again.
 *
 * The back-off lives here, in-process, rather than in step `retryInterval`s: Medusa's default in-memory
 * workflow engine keeps scheduled retries only in memory, so they would vanish on restart without a trace,
 * whereas every run here leaves its state in our tables. While it works, the run writes a heartbeat; a crash
 * mid-run leaves the subscription `provisioning` with a heartbeat that stops, and once it is older than
 * `provisioning.staleAfterSeconds` the recovery job (and the retry route) start a new run.
 */
export async function runAcronisProvisioning(
  container: MedusaContainer,
  request: ProvisioningRequestedPayload
): Promise<AcronisProvisioningOutcome> {
  const { result: claim } = await claimAcronisSubscriptionWorkflow(container).run({ input: request })
  if (!claim.claimed) return { outcome: "skipped", reason: claim.reason }

  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const settings = await acronis.getProvisioningSettings()
  const { line_item_id } = await acronis.retrieveAcronisSubscription(request.subscription_id, { select: ["line_item_id"] })
  const heartbeat = startHeartbeat(container, acronis, request.subscription_id, claim.attempt, settings.stale_after_ms / 4)
  try {
    for (let run = 1; ; run++) {
      const { result, errors } = await provisionAcronisSubscriptionWorkflow(container).run({
        input: { subscription_id: request.subscription_id, attempt: claim.attempt },
        context: { transactionId: provisionAcronisSubscriptionTransactionId(line_item_id) },
        throwOnError: false,
      })
      if (!errors?.length) return { outcome: result.status, runs: run }
      // Taken for dead and claimed by another run (this process stalled past the stale time): that run goes on.
      if (!heartbeat.owned()) return { outcome: "skipped", reason: "another provisioning run took it over" }

      const first = errors.find((error) => error.handlerType === "invoke") ?? errors[0]
      const failure = describeProvisioningFailure(first.action ?? "unknown", first.error)
      const final = !failure.transient || run >= settings.attempts
      await recordAcronisProvisioningFailureWorkflow(container).run({
        input: { subscription_id: request.subscription_id, attempt: claim.attempt, failure, final },
      })
      if (final) return { outcome: "failed", runs: run, step: failure.step, message: failure.message }

      const backoff = Math.min(MAX_DELAY_MS, settings.retry_base_delay_ms * 2 ** (run - 1))
      await new Promise((resolve) => setTimeout(resolve, Math.max(backoff, failure.retry_after_ms ?? 0)))
    }
  } finally {
    heartbeat.stop()
  }
}

/**
 * Writes the run's heartbeat every `intervalMs` while this process works on it, through back-offs too, so
 * the recovery job tells a slow run (beating) from a dead one (`isDeadRun`) without waiting long.
 */
function startHeartbeat(container: MedusaContainer, acronis: AcronisModuleService, subscriptionId: string, attempt: number, intervalMs: number) {
  let owned = true
  const timer = setInterval(() => {
    acronis.beatProvisioningRun(subscriptionId, attempt).then(
      (stillOwned) => {
        // The row leaves `provisioning` when the run ends; only another run's claim means it was taken over.
        if (!stillOwned) owned = false
      },
      (error: Error) => container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Acronis subscription ${subscriptionId}: heartbeat not written: ${error.message}`)
    )
  }, Math.max(1000, intervalMs))
  timer.unref()
  return { owned: () => owned, stop: () => clearInterval(timer) }
}
