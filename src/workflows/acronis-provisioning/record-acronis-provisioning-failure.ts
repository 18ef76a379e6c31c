import { emitEventStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents } from "../../modules/acronis/events"
import { recordProvisioningFailureStep, type RecordProvisioningFailureInput } from "./steps/record-provisioning-failure"

export const recordAcronisProvisioningFailureWorkflowId = "record-acronis-provisioning-failure"

/**
 * Records a failed provisioning run. The last one makes the subscription `failed` and emits
 * `acronis.provisioning.failed`, which e-mails the merchant's `operationsEmail`.
 */
export const recordAcronisProvisioningFailureWorkflow = createWorkflow(
  recordAcronisProvisioningFailureWorkflowId,
  (input: WorkflowData<RecordProvisioningFailureInput>) => {
    const payload = recordProvisioningFailureStep(input)
    emitEventStep({ eventName: AcronisEvents.PROVISIONING_FAILED, data: payload })
    return new WorkflowResponse(payload)
  }
)
