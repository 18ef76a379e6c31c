import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { writeProvisioningLog } from "../../acronis-provisioning/steps/provisioning-log"
import type { PreparedDataLocationChange } from "./prepare-data-location-change"

export const recordDataLocationStepId = "record-data-location"

/**
 * Stores the new data location in the subscription's order form (`metadata.plan_order.data_location`), where
 * provisioning reads it, and a line of its log. Compensated by putting the metadata back as it was.
 */
export const recordDataLocationStep = createStep(
  recordDataLocationStepId,
  async (input: PreparedDataLocationChange, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
    const before = (subscription.metadata ?? {}) as Record<string, unknown>
    const planOrder = before.plan_order as Record<string, unknown>
    await acronis.updateAcronisSubscriptions({ id: subscription.id, metadata: { ...before, plan_order: { ...planOrder, data_location: input.to.id } } })
    await writeProvisioningLog(container, {
      subscription_id: subscription.id,
      attempt: input.attempt,
      step: "change-data-location",
      outcome: "done",
      message: `data location ${input.from.name ?? "none"} → ${input.to.name}, asked by staff` + (input.turn_on.length ? `; moved ${input.turn_on.map((i) => i.name).join(", ")}` : ""),
    })
    return new StepResponse({ id: subscription.id, data_location: input.to.id }, { id: subscription.id, metadata: before })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<AcronisModuleService>(ACRONIS_MODULE).updateAcronisSubscriptions({ id: previous.id, metadata: previous.metadata })
  }
)
