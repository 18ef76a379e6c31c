import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { endAcronisFreeMonthsWorkflow } from "../workflows/acronis-provisioning"

/** Daily: first-month-free plans whose month is over leave Acronis's trial. */
export default async function acronisEndFreeMonths(container: MedusaContainer) {
  const { result } = await endAcronisFreeMonthsWorkflow(container).run({ input: { now: new Date().toISOString() } })
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  for (const failure of result.failed) {
    logger.warn(`Acronis: could not end the free month of ${failure.subscription_id}: ${failure.message}`)
  }
}

export const config = { name: "acronis-end-free-months", schedule: "15 4 * * *" }
