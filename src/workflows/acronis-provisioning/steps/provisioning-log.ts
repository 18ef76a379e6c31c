import type { MedusaContainer } from "@medusajs/framework/types"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { ProvisioningFailure } from "../../../modules/acronis/domain/provisioning-failure"

export type ProvisioningLogEntry = {
  subscription_id: string
  attempt: number
  step: string
  outcome: "created" | "found" | "existing" | "done" | "skipped" | "retrying" | "failed" | "claimed" | "cancelled" | "suspended" | "terminated"
  message?: string | null
  failure?: Pick<ProvisioningFailure, "http_status" | "code"> | null
}

/**
 * Writes one line of a subscription's provisioning history. Called from the steps themselves (not a step of
 * its own) so the line is there even when the run fails right after: the history is never rolled back.
 */
export async function writeProvisioningLog(container: MedusaContainer, entry: ProvisioningLogEntry): Promise<void> {
  await container.resolve<AcronisModuleService>(ACRONIS_MODULE).createAcronisProvisioningLogs({
    subscription_id: entry.subscription_id,
    attempt: entry.attempt,
    step: entry.step,
    outcome: entry.outcome,
    message: entry.message ?? null,
    acronis_status: entry.failure?.http_status ?? null,
    acronis_code: entry.failure?.code ?? null,
    at: new Date(),
  })
}
