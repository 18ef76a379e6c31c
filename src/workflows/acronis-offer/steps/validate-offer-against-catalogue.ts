import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { isAcronisApiError } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import {
  findCatalogueProblems,
  OfferCatalogueInput,
  tenantKindForOffer,
} from "../../../modules/acronis/domain/offer-catalogue"
import { contractTierLevel } from "../../../modules/acronis/domain/licensing"
import AcronisModuleService from "../../../modules/acronis/service"

export type ValidateOfferAgainstCatalogueInput = OfferCatalogueInput & { parent_tenant_id: string | null; contract_tier?: number | null }

export const validateOfferAgainstCatalogueStepId = "validate-offer-against-catalogue"

/**
 * Checks an offer against what Acronis can really provision under its parent tenant (`available_for_child`),
 * before anything is written: among others, that each licensing model's edition (the merchant's `editions`
 * mapping) is one the parent can give. Reads only, so there is nothing to compensate.
 */
export const validateOfferAgainstCatalogueStep = createStep(
  validateOfferAgainstCatalogueStepId,
  async (input: ValidateOfferAgainstCatalogueInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    let catalogue
    try {
      catalogue = await acronis.getCatalogue(tenantKindForOffer(input.type), input.parent_tenant_id)
    } catch (error) {
      if (input.parent_tenant_id && isAcronisApiError(error) && (error.status === 404 || error.status === 403)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `parent_tenant_id: Acronis has no tenant ${input.parent_tenant_id} that this API client can manage`
        )
      }
      throw error
    }
    const problems = findCatalogueProblems(input, catalogue, acronis.getEditionMapping())
    if (input.type === "contract" && typeof input.contract_tier === "number") {
      const levels = await acronis.getContractTierLevels()
      if (contractTierLevel(input.contract_tier, levels) === null) {
        const offered = Object.entries(levels).filter(([, level]) => level !== null).map(([tier]) => tier)
        problems.push({
          path: "contract_tier",
          message: `this Acronis datacentre does not offer tier ${input.contract_tier} (offered: ${offered.join(", ") || "none"}; option contractTierLevels)`,
        })
      }
    }
    if (problems.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        problems.map((problem) => `${problem.path}: ${problem.message}`).join("; ")
      )
    }
    return new StepResponse(undefined)
  }
)
