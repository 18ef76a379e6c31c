import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_CHECKOUT_MODULE } from "../../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../../modules/acronis-checkout/service"

export type CreateTermsConsentStepInput = {
  cart_id: string
  customer_id: string | null
  terms_url: string
  terms_version: string
  ip_address: string | null
  user_agent: string | null
}

export const createTermsConsentStepId = "create-terms-consent"

/**
 * Writes the consent record. A consent already given on this cart for the same version is returned as it
 * is: the record is evidence and is never rewritten. Compensation deletes only a record this step wrote.
 */
export const createTermsConsentStep = createStep(
  createTermsConsentStepId,
  async (input: CreateTermsConsentStepInput, { container }) => {
    const records = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    const [existing] = await records.listAcronisTermsConsents(
      { cart_id: input.cart_id, terms_version: input.terms_version },
      { order: { accepted_at: "ASC" }, take: 1 }
    )
    if (existing) {
      return new StepResponse(existing, null)
    }
    const consent = await records.createAcronisTermsConsents({ ...input, accepted_at: new Date() })
    return new StepResponse(consent, consent.id)
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE).deleteAcronisTermsConsents(createdId)
    }
  }
)
