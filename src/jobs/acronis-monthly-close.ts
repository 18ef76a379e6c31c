import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { periodOf, previousPeriod, utcDay } from "../modules/acronis-billing/domain/period"
import { closeAcronisMonthWorkflow, listBillableSubscriptionIds } from "../workflows/acronis-billing"

const PAGE_SIZE = 50

/**
 * On the 1st (03:00 UTC by default; ACRONIS_MONTHLY_CLOSE_SCHEDULE overrides it, see the usage sync job for
 * why it is an environment variable): closes the month that just ended for every subscription that was
 * active in it, one workflow per subscription; a failure is logged and the others go on. Closing is
 * idempotent, so a rerun (or a second worker) bills nothing twice.
 */
export default async function acronisMonthlyClose(container: MedusaContainer, { scheduledFor }: { scheduledFor?: Date } = {}) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const period = previousPeriod(periodOf(utcDay(scheduledFor ?? new Date())))
  let closed = 0
  let failed = 0
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { ids, more } = await listBillableSubscriptionIds(container, period, { skip, take: PAGE_SIZE })
    for (const subscription_id of ids) {
      try {
        await closeAcronisMonthWorkflow(container).run({ input: { subscription_id, period } })
        closed += 1
      } catch (error) {
        failed += 1
        logger.error(`Acronis monthly close ${period} failed for ${subscription_id}: ${(error as Error).message}`)
      }
    }
    if (!more) break
  }
  logger.info(`Acronis monthly close ${period}: ${closed} closed, ${failed} failed`)
}

export const config = {
  name: "acronis-monthly-close",
  schedule: process.env.ACRONIS_MONTHLY_CLOSE_SCHEDULE || "0 3 1 * *",
}
