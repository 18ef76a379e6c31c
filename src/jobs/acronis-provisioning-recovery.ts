import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recoverAcronisProvisioning } from "../workflows/acronis-provisioning"

/**
 * Every ten minutes: picks up Acronis orders and runs that a crash or restart left behind, and ends what runs
 * of cancelled orders left enabled.
 */
export default async function acronisProvisioningRecovery(container: MedusaContainer) {
  const { requested, ended, failed } = await recoverAcronisProvisioning(container)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  if (requested.length) {
    logger.warn(`Acronis: provisioning picked up again for ${requested.length} subscription(s): ${requested.join(", ")}`)
  }
  if (ended.length) {
    logger.warn(`Acronis: ${ended.length} subscription(s) of cancelled orders ended: ${ended.join(", ")}`)
  }
  for (const failure of failed) {
    logger.warn(`Acronis: provisioning recovery could not handle order ${failure.order_id}: ${failure.message}`)
  }
}

export const config = { name: "acronis-provisioning-recovery", schedule: "*/10 * * * *" }
