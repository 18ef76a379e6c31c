import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"

type Subscription = Awaited<ReturnType<AcronisModuleService["retrieveAcronisSubscription"]>>

/**
 * Runs `change` under the subscription's lock (the one provisioning runs take) on the subscription as it is
 * once the lock is held, so a suspend, a resume and a provisioning run never interleave on one subscription.
 */
export async function withSubscriptionLock<T>(
  container: MedusaContainer,
  subscriptionId: string,
  change: (subscription: Subscription, acronis: AcronisModuleService) => Promise<T>
): Promise<T> {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  return container.resolve(Modules.LOCKING).execute(
    `acronis-subscription:${subscriptionId}`,
    async () => change(await acronis.retrieveAcronisSubscription(subscriptionId), acronis),
    { timeout: 30 }
  )
}
