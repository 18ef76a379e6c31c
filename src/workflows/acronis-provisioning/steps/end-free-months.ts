import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import { leavesTrialAt } from "../../../modules/acronis/domain/free-month"
import { offerAsBought } from "../../../modules/acronis/domain/plan-terms"
import type AcronisModuleService from "../../../modules/acronis/service"
import { writeProvisioningLog } from "./provisioning-log"

export type EndFreeMonthsInput = { now: string }
export type EndFreeMonthsOutput = { switched: string[]; failed: { subscription_id: string; message: string }[] }

export const endFreeMonthsStepId = "end-free-months"

/**
 * Moves every active subscription whose free month (postponed billing) is over from Acronis's trial to
 * production, on the 1st that `freeMonthEndsAt` gives, and records it. A subscription on a trial offer stays
 * in trial until staff change it. Trial → production is one-way in Acronis, so nothing is compensated; one
 * tenant's error is logged on its subscription and does not stop the others. Reads the tenant's pricing
 * first, so a re-run sends nothing.
 */
export const endFreeMonthsStep = createStep(endFreeMonthsStepId, async (input: EndFreeMonthsInput, { container }) => {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const now = new Date(input.now)
  const { data } = await query.graph({
    entity: "acronis_subscription",
    fields: ["id", "tenant_id", "offer_id", "activated_at", "metadata"],
    filters: { status: "active", pricing_mode: "trial" },
  })
  const inTrial = (
    data as { id: string; tenant_id: string | null; offer_id: string; activated_at: string | Date | null; metadata: Record<string, unknown> | null }[]
  ).filter(
    (subscription) => subscription.tenant_id && subscription.activated_at
  )
  const offerIds = [...new Set(inTrial.map((subscription) => subscription.offer_id))]
  const offers = offerIds.length ? await acronis.listAcronisOffers({ id: offerIds }, { select: ["id", "type", "plan"], take: null }) : []
  const offerById = new Map(offers.map((offer) => [offer.id, offer]))
  const due = inTrial.filter((subscription) => {
    const offer = offerById.get(subscription.offer_id)
    const at = leavesTrialAt(offer && offerAsBought(offer, subscription), new Date(subscription.activated_at!))
    return at !== null && at <= now
  })
  const output: EndFreeMonthsOutput = { switched: [], failed: [] }
  const client = acronis.getAcronisClient()
  for (const subscription of due) {
    try {
      const pricing = await client.tenants.getPricing(subscription.tenant_id!)
      if (pricing.mode !== "production") {
        await client.tenants.setPricing(subscription.tenant_id!, { mode: "production", version: pricing.version })
      }
      await acronis.updateAcronisSubscriptions({ id: subscription.id, pricing_mode: "production" })
      await writeProvisioningLog(container, {
        subscription_id: subscription.id,
        attempt: 0,
        step: endFreeMonthsStepId,
        outcome: "done",
        message: "free month over: pricing mode production",
      })
      output.switched.push(subscription.id)
    } catch (error) {
      const message = (error as Error).message
      await writeProvisioningLog(container, {
        subscription_id: subscription.id,
        attempt: 0,
        step: endFreeMonthsStepId,
        outcome: "failed",
        message,
      })
      output.failed.push({ subscription_id: subscription.id, message })
    }
  }
  return new StepResponse(output)
})
