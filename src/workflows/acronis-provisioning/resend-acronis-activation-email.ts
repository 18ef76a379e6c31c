import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import { resendActivationEmailStep } from "./steps/resend-activation-email"

export const resendAcronisActivationEmailWorkflowId = "resend-acronis-activation-email"

/** Staff asks Acronis again for the activation e-mail of an active subscription's admin user (see the step). */
export const resendAcronisActivationEmailWorkflow = createWorkflow(
  resendAcronisActivationEmailWorkflowId,
  (input: WorkflowData<{ subscription_id: string }>) => new WorkflowResponse(resendActivationEmailStep(input))
)
