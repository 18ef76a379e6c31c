import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AcronisApiError } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import { contractTierLevel } from "../../../modules/acronis/domain/licensing"
import type AcronisModuleService from "../../../modules/acronis/service"
import { writeProvisioningLog } from "./provisioning-log"

export type ApplyContractTierInput = { subscription_id: string; attempt: number; tenant_id: string; tier: number }
export type ApplyContractTierOutput = { tier: number; tier_level_value: number | null; tier_applied: boolean; tier_note: string | null }

export const applyContractTierStepId = "apply-contract-tier"

/**
 * Puts a contract's partner tenant on its commitment tier: `PUT /applications/{platform}/settings/tenants/{id}/tier_level_value`
 * `{ "value": level }`, the level Acronis counts for the storefront's tier (`contractTierLevel`: Tier 3 is level 2).
 * Setting the same value again is harmless, so there is nothing to compensate.
 *
 * Datacenters without partner billing settings answer 404: the tier is then only
 * recorded on the subscription (`commitment.tier_applied: false`) and logged as skipped, for the account
 * manager to set in the Acronis console.
 */
export const applyContractTierStep = createStep(
  applyContractTierStepId,
  async (input: ApplyContractTierInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const client = acronis.getAcronisClient()
    // Offers for a tier the datacentre does not offer are refused when saved; this catches a later option change.
    const level = contractTierLevel(input.tier, await acronis.getContractTierLevels())
    if (level === null) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Contract tier ${input.tier} has no Acronis tier level (option contractTierLevels)`)
    }
    const platform = (await client.applications.list()).find((app) => app.type === "platform")
    let output: ApplyContractTierOutput
    try {
      if (!platform) throw new AcronisApiError({ kind: "http", status: 404, message: "no platform application", method: "GET", path: "/applications" })
      await client.applications.setTenantSetting(platform.id, input.tenant_id, "tier_level_value", level)
      output = { tier: input.tier, tier_level_value: level, tier_applied: true, tier_note: null }
    } catch (error) {
      if (!(error instanceof AcronisApiError && error.status === 404)) throw error
      output = {
        tier: input.tier,
        tier_level_value: level,
        tier_applied: false,
        tier_note: "This Acronis datacenter has no partner billing settings API; set the tier in the Acronis console.",
      }
    }
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt: input.attempt,
      step: applyContractTierStepId,
      outcome: output.tier_applied ? "done" : "skipped",
      message: output.tier_applied ? `tier ${input.tier} set (Acronis tier_level_value ${level})` : `tier ${input.tier} recorded only: ${output.tier_note}`,
    })
    return new StepResponse(output)
  }
)
