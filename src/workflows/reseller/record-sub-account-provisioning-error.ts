import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import {
  recordSubAccountProvisioningErrorStep,
  type RecordSubAccountProvisioningErrorInput,
} from "./steps/record-sub-account-provisioning-error"

export const recordSubAccountProvisioningErrorWorkflowId = "record-sub-account-provisioning-error"

/** Notes on a sub-account why its provisioning failed; it stays `pending` until a retry succeeds. */
export const recordSubAccountProvisioningErrorWorkflow = createWorkflow(
  recordSubAccountProvisioningErrorWorkflowId,
  (input: WorkflowData<RecordSubAccountProvisioningErrorInput>) =>
    new WorkflowResponse(recordSubAccountProvisioningErrorStep(input))
)
