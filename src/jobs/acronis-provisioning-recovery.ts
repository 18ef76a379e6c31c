import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { jobSchedule } from "../lib/job-schedule"
import { recoverAcronisProvisioning } from "../workflows/acronis-provisioning"
import { recordedJob } from "../lib/job-runs"

/**
 * Every minute (ACRONIS_PROVISIONING_RECOVERY_SCHEDULE overrides it): picks up Acronis orders, runs and
 * e-mails that a crash or restart left behind, and ends what runs of cancelled orders left enabled. A run
 * counts as dead once its heartbeat is older than `provisioning.staleAfterSeconds` (2 minutes by default),
 * so a killed worker's order is provisioned again within about three minutes.
 */
async function acronisProvisioningRecovery(container: MedusaContainer) {
  const { requested, emailed, ended, failed } = await recoverAcronisProvisioning(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (requested.length) {
    logger.warn(`Acronis: provisioning picked up again for ${requested.length} subscription(s): ${requested.join(", ")}`)
  }
  if (emailed.length) {
    logger.warn(`Acronis: order-received e-mail sent late for ${emailed.length} order(s): ${emailed.join(", ")}`)
  }
  if (ended.length) {
    logger.warn(`Acronis: ${ended.length} subscription(s) of cancelled orders ended: ${ended.join(", ")}`)
  }
  for (const failure of failed) {
    logger.warn(`Acronis: provisioning recovery could not handle order ${failure.order_id}: ${failure.message}`)
  }
}

export const config = {
  name: "acronis-provisioning-recovery",
  schedule: jobSchedule("ACRONIS_PROVISIONING_RECOVERY_SCHEDULE", "* * * * *"),
}

// Its start and end are recorded for the admin's Settings page.
export default recordedJob(config.name, acronisProvisioningRecovery)
