import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../modules/acronis"
import type AcronisModuleService from "../modules/acronis/service"

/**
 * Runs a scheduled job and records its start and end (or its error) for the admin's Settings page. The job's
 * own outcome is unchanged: an error is recorded and thrown again, and a record that cannot be written is
 * only logged.
 */
export function recordedJob(name: string, job: (container: MedusaContainer) => Promise<void>) {
  return async (container: MedusaContainer): Promise<void> => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const record = (run: Parameters<AcronisModuleService["recordJobRun"]>[1]) =>
      acronis.recordJobRun(name, run).catch((error: Error) => logger.warn(`Acronis: could not record the run of ${name}: ${error.message}`))
    await record({ outcome: "running" })
    try {
      await job(container)
    } catch (error) {
      await record({ outcome: "failed", error: (error as Error).message })
      throw error
    }
    await record({ outcome: "succeeded" })
  }
}
