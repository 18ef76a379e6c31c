import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { AcronisClient } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { writeProvisioningLog } from "./provisioning-log"

export type SetTenantPricingModeInput = {
  subscription_id: string
  attempt: number
  tenant_id: string
  /** `production` for paid subscriptions; `trial` keeps a first-month-free plan in trial (a job switches it). */
  mode: "trial" | "production"
}

export const setTenantPricingModeStepId = "set-tenant-pricing-mode"

/** What the step does in Acronis, for callers without a workflow (the provisioning benchmark). */
export async function setTenantPricingMode(client: AcronisClient, tenantId: string, mode: SetTenantPricingModeInput["mode"]) {
  const current = await client.tenants.getPricing(tenantId)
  const change = mode === "production" && current.mode !== "production"
  const pricing = change ? await client.tenants.setPricing(tenantId, { mode: "production", version: current.version }) : current
  return { current, pricing, change }
}

/**
 * Switches the tenant's pricing mode to `production` (new tenants start in trial, whose usage Acronis does
 * not bill). Reads the mode first and does nothing when it is already right, so a re-run sends nothing. Trial
 * → production is one-way in Acronis, so this is never compensated; a `trial` target leaves the tenant alone.
 */
export const setTenantPricingModeStep = createStep(
  setTenantPricingModeStepId,
  async (input: SetTenantPricingModeInput, { container }) => {
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    const { current, pricing, change } = await setTenantPricingMode(client, input.tenant_id, input.mode)
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt: input.attempt,
      step: setTenantPricingModeStepId,
      outcome: change ? "done" : "skipped",
      message: change ? "pricing mode production" : `pricing mode stays ${current.mode}`,
    })
    return new StepResponse({ mode: pricing.mode })
  }
)
