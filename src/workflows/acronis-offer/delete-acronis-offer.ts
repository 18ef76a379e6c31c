import { dismissRemoteLinkStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../modules/acronis"
import { deleteAcronisOfferStep } from "./steps/delete-acronis-offer"

export type DeleteAcronisOfferWorkflowInput = { product_id: string; offer_id: string }

export const deleteAcronisOfferWorkflowId = "delete-acronis-offer"

/** Turns an Acronis product back into a plain product: unlinks and deletes its offer. */
export const deleteAcronisOfferWorkflow = createWorkflow(
  deleteAcronisOfferWorkflowId,
  (input: DeleteAcronisOfferWorkflowInput) => {
    const link = transform({ input }, ({ input }) => [
      {
        [Modules.PRODUCT]: { product_id: input.product_id },
        [ACRONIS_MODULE]: { acronis_offer_id: input.offer_id },
      },
    ])
    dismissRemoteLinkStep(link)
    deleteAcronisOfferStep(input.offer_id)
    return new WorkflowResponse(input.offer_id)
  }
)
