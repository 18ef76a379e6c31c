import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { writeProvisioningLog } from "../../acronis-provisioning/steps/provisioning-log"

export type SetSeatQuotasInput = {
  subscription_id: string
  attempt: number
  tenant_id: string
  seats: number
  /** The plan's offering items that carry a quota; those Acronis counts in units are its seats. */
  items: string[]
}

export const setSeatQuotasStepId = "set-seat-quotas"

/**
 * Sets a plan's seats in Acronis: the quota of each of its enabled offering items counted in units
 * (`measurement_unit: quantity` — user accounts, workstations; never storage) becomes the number of seats,
 * the overage allowance above it stays. Re-reads the tenant's items for their current quota versions (a
 * stale one answers 426) and changes only those items. Setting the same quota again changes nothing, so
 * it is not compensated.
 */
export const setSeatQuotasStep = createStep(setSeatQuotasStepId, async (input: SetSeatQuotasInput, { container }) => {
  const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
  const current = await client.offeringItems.list(input.tenant_id)
  const seats = current.filter((item) => input.items.includes(item.name) && item.status === 1 && item.measurement_unit === "quantity" && item.quota)
  if (seats.length) {
    await client.offeringItems.update(
      input.tenant_id,
      seats.map((item) => ({
        application_id: item.application_id,
        name: item.name,
        status: 1 as const,
        ...(item.infra_id ? { infra_id: item.infra_id } : {}),
        quota: { value: input.seats, overage: item.quota!.overage ?? null, version: item.quota!.version },
      }))
    )
  }
  const names = seats.map((item) => item.name)
  await writeProvisioningLog(container, {
    subscription_id: input.subscription_id,
    attempt: input.attempt,
    step: setSeatQuotasStepId,
    outcome: names.length ? "done" : "skipped",
    message: names.length ? `quota of ${names.join(", ")} set to ${input.seats} seats` : `no enabled seat item among ${input.items.join(", ") || "the plan's items"}`,
  })
  return new StepResponse({ items: names, seats: input.seats })
})
