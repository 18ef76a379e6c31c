import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { recoverAcronisProvisioning } from "../workflows/acronis-provisioning"

/** Every ten minutes: picks up Acronis orders and runs that a crash or restart left behind. */
export default async function acronisProvisioningRecovery(container: MedusaContainer) {
  const { requested } = await recoverAcronisProvisioning(container)
  if (requested.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Acronis: provisioning picked up again for ${requested.length} subscription(s): ${requested.join(", ")}`)
  }
}

export const config = { name: "acronis-provisioning-recovery", schedule: "*/10 * * * *" }
