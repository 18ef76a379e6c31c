import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { jobSchedule } from "../lib/job-schedule"
import { applyDueAcronisTermChanges } from "../workflows/acronis-subscription-changes"
import { recordedJob } from "../lib/job-runs"

/**
 * Hourly (at :50; ACRONIS_TERM_CHANGES_SCHEDULE overrides it): scheduled changes of subscriptions' terms
 * (fewer seats, a lower contract tier, another billing interval) take effect in Acronis once their day has
 * come. Billing does not wait for it: statements read the term history.
 */
async function acronisTermChanges(container: MedusaContainer) {
  const result = await applyDueAcronisTermChanges(container, { now: new Date() })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const failure of result.failed) {
    logger.warn(`Acronis: could not apply the scheduled changes of ${failure.subscription_id}: ${failure.message}`)
  }
  if (result.applied.length) logger.info(`Acronis: scheduled changes took effect on ${result.applied.length} subscription(s)`)
}

export const config = { name: "acronis-term-changes", schedule: jobSchedule("ACRONIS_TERM_CHANGES_SCHEDULE", "50 * * * *") }

// Its start and end are recorded for the admin's Settings page.
export default recordedJob(config.name, acronisTermChanges)
