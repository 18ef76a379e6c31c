import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { jobSchedule } from "../lib/job-schedule"
import { endAcronisGracePeriodsWorkflow } from "../workflows/acronis-lifecycle"
import { recordedJob } from "../lib/job-runs"

/** Hourly (at :40; ACRONIS_SUBSCRIPTION_LIFECYCLE_SCHEDULE overrides it): suspended subscriptions get their data-loss warning, then their tenant deleted, on time. */
async function acronisSubscriptionLifecycle(container: MedusaContainer) {
  const { result } = await endAcronisGracePeriodsWorkflow(container).run({ input: { now: new Date().toISOString() } })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const failure of result.failed) {
    logger.warn(`Acronis: could not end the grace period of ${failure.subscription_id}: ${failure.message}`)
  }
  if (result.terminated.length) logger.info(`Acronis: ${result.terminated.length} suspended subscription(s) terminated, tenants deleted`)
}

export const config = { name: "acronis-subscription-lifecycle", schedule: jobSchedule("ACRONIS_SUBSCRIPTION_LIFECYCLE_SCHEDULE", "40 * * * *") }

// Its start and end are recorded for the admin's Settings page.
export default recordedJob(config.name, acronisSubscriptionLifecycle)
