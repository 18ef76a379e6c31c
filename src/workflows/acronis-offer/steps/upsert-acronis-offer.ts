import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import AcronisModuleService from "../../../modules/acronis/service"

export type AcronisOfferData = Record<string, unknown> & { type: "ppu" | "contract" | "plan" }

export type UpsertAcronisOfferStepInput = {
  existing_offer_id: string | null
  offer: AcronisOfferData
}

type Compensation = { created_id?: string; previous?: Record<string, unknown> }

export const upsertAcronisOfferStepId = "upsert-acronis-offer"

/**
 * Creates the offer, or replaces every field of the existing one (a POST describes the whole offer, so
 * fields it leaves out go back to their defaults). Compensation deletes what it created, or restores the
 * previous fields.
 */
export const upsertAcronisOfferStep = createStep(
  upsertAcronisOfferStepId,
  async (input: UpsertAcronisOfferStepInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const empty = {
      protection_models: [],
      file_sync_share_models: [],
      contract_tier: null,
      commitments: null,
      plan: null,
    }
    if (!input.existing_offer_id) {
      const created = await acronis.createAcronisOffers({ ...empty, ...input.offer } as never)
      return new StepResponse({ offer: created, created: true }, { created_id: created.id } as Compensation)
    }
    const previous = await acronis.retrieveAcronisOffer(input.existing_offer_id)
    const updated = await acronis.replaceAcronisOffer(input.existing_offer_id, { ...empty, ...input.offer })
    return new StepResponse({ offer: updated, created: false }, { previous } as Compensation)
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    if (compensation.created_id) {
      await acronis.deleteAcronisOffers(compensation.created_id)
    } else if (compensation.previous) {
      const { id, created_at, updated_at, deleted_at, ...previous } = compensation.previous
      await acronis.replaceAcronisOffer(id as string, previous)
    }
  }
)
