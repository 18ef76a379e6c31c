import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"

export type CreateResellerInput = { name: string; metadata?: Record<string, unknown> | null }

export const createResellerStepId = "create-reseller"

/** Saves the reseller; compensation deletes it. Its Acronis partner tenant comes later, with its first sub-account. */
export const createResellerStep = createStep(
  createResellerStepId,
  async (input: CreateResellerInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    const reseller = await service.createResellers({ name: input.name, metadata: input.metadata ?? null })
    return new StepResponse(reseller, reseller.id)
  },
  async (resellerId: string | undefined, { container }) => {
    if (!resellerId) return
    await container.resolve<ResellerModuleService>(RESELLER_MODULE).deleteResellers(resellerId)
  }
)
