import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { jobSchedule } from "../lib/job-schedule"
import { closeDueAcronisMonths } from "../workflows/acronis-billing"
import { recordedJob } from "../lib/job-runs"

/**
 * Every hour (at :20; ACRONIS_MONTHLY_CLOSE_SCHEDULE overrides it, see the usage sync job for why it is an
 * environment variable): closes every ended month that is not closed yet, for every subscription — the month
 * that just ended, months a stopped server missed, and months on hold whose usage or Acronis report has
 * arrived since. Closing is idempotent, so each run only does what is due, and a second worker bills nothing
 * twice. It never waits for a timer a month away: Node fires timers beyond 24.8 days at once.
 */
async function acronisMonthlyClose(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { closed, on_hold, failed, skipped } = await closeDueAcronisMonths(container, { now: new Date() })
  for (const failure of failed) {
    logger.warn(`Acronis monthly close ${failure.period} failed for ${failure.subscription_id}: ${failure.message}`)
  }
  if (closed.length || on_hold.length || failed.length || skipped.length) {
    logger.info(
      `Acronis monthly close: ${closed.length} closed, ${on_hold.length} on hold, ${failed.length} failed, ${skipped.length} left to another worker closing them`
    )
  }
}

export const config = {
  name: "acronis-monthly-close",
  schedule: jobSchedule("ACRONIS_MONTHLY_CLOSE_SCHEDULE", "20 * * * *"),
}

// Its start and end are recorded for the admin's Settings page.
export default recordedJob(config.name, acronisMonthlyClose)
