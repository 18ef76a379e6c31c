import { WorkflowData, WorkflowResponse, createWorkflow } from "@medusajs/framework/workflows-sdk"
import type { AcronisEventMessage } from "../../modules/acronis/events"
import { prepareAcronisEmailStep } from "./steps/prepare-acronis-email"
import { sendEmailOnceStep } from "./steps/send-email-once"

export const sendAcronisEmailWorkflowId = "send-acronis-email"

/**
 * Sends the e-mail that belongs to one of the plugin's events (`AcronisEvents`), once per event and `id`:
 * rendering it from the plugin's templates (or the merchant's override), then handing it to the
 * Notification Module on the `email` channel. Re-running it for the same event and id sends nothing new.
 */
export const sendAcronisEmailWorkflow = createWorkflow(
  sendAcronisEmailWorkflowId,
  (input: WorkflowData<AcronisEventMessage>) => {
    const email = prepareAcronisEmailStep(input)
    return new WorkflowResponse(sendEmailOnceStep(email))
  }
)
