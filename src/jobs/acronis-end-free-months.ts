import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { endAcronisFreeMonthsWorkflow } from "../workflows/acronis-provisioning"
import { recordedJob } from "../lib/job-runs"

/** Daily: first-month-free plans whose month is over leave Acronis's trial. */
async function acronisEndFreeMonths(container: MedusaContainer) {
  const { result } = await endAcronisFreeMonthsWorkflow(container).run({ input: { now: new Date().toISOString() } })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const failure of result.failed) {
    logger.warn(`Acronis: could not end the free month of ${failure.subscription_id}: ${failure.message}`)
  }
}

export const config = { name: "acronis-end-free-months", schedule: "15 4 * * *" }

// Its start and end are recorded for the admin's Settings page.
export default recordedJob(config.name, acronisEndFreeMonths)
