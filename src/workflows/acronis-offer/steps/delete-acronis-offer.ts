import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import AcronisModuleService from "../../../modules/acronis/service"

export const deleteAcronisOfferStepId = "delete-acronis-offer"

/** Soft-deletes the offer; compensation restores it. */
export const deleteAcronisOfferStep = createStep(
  deleteAcronisOfferStepId,
  async (offerId: string, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    await acronis.softDeleteAcronisOffers(offerId)
    return new StepResponse(offerId, offerId)
  },
  async (offerId, { container }) => {
    if (offerId) {
      await container.resolve<AcronisModuleService>(ACRONIS_MODULE).restoreAcronisOffers(offerId)
    }
  }
)
