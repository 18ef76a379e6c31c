import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { jobSchedule } from "../lib/job-schedule"
import { ACRONIS_MODULE } from "../modules/acronis"
import type AcronisModuleService from "../modules/acronis/service"
import { syncAcronisUsageWorkflow } from "../workflows/acronis-billing"
import { recordedJob } from "../lib/job-runs"

/** Subscriptions per workflow run: Acronis takes 100 tenants per usage request. */
const PAGE_SIZE = 100

/**
 * Hourly by default. Medusa reads a job's schedule when it loads the file, before any plugin option
 * exists, so the schedule is set with ACRONIS_USAGE_SYNC_SCHEDULE (a cron expression) in the environment.
 */
async function acronisUsageSync(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const page = await acronis.listAcronisSubscriptions(
      { status: ["active", "suspended"] },
      { select: ["id"], skip, take: PAGE_SIZE, order: { id: "ASC" } }
    )
    if (!page.length) break
    try {
      const { result } = await syncAcronisUsageWorkflow(container).run({ input: { subscription_ids: page.map((s) => s.id) } })
      if (result.failed.length) logger.warn(`Acronis usage sync: ${result.failed.length} subscription(s) failed: ${result.failed.join(", ")}`)
    } catch (error) {
      logger.error(`Acronis usage sync failed for a page of ${page.length} subscriptions: ${(error as Error).message}`)
    }
    if (page.length < PAGE_SIZE) break
  }
}

export const config = {
  name: "acronis-usage-sync",
  schedule: jobSchedule("ACRONIS_USAGE_SYNC_SCHEDULE", "0 * * * *"),
}

// Its start and end are recorded for the admin's Settings page.
export default recordedJob(config.name, acronisUsageSync)
