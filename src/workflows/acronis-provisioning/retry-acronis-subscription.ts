import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AcronisProvisioningEvents } from "../../modules/acronis/provisioning-events"
import { validateProvisioningRequestStep } from "./steps/validate-provisioning-request"

export const retryAcronisSubscriptionWorkflowId = "retry-acronis-subscription"

/**
 * Resumes a `failed` subscription (or one whose run crashed long ago): checks it may be retried (400 with the
 * reason otherwise) and asks for a provisioning run, which continues from the stored tenant and user ids.
 */
export const retryAcronisSubscriptionWorkflow = createWorkflow(
  retryAcronisSubscriptionWorkflowId,
  (input: WorkflowData<{ subscription_id: string }>) => {
    const request = transform({ input }, ({ input }) => ({ subscription_ids: [input.subscription_id], trigger: "retry" as const }))
    const requests = validateProvisioningRequestStep(request)
    emitEventStep({ eventName: AcronisProvisioningEvents.REQUESTED, data: requests })
    return new WorkflowResponse(requests)
  }
)
