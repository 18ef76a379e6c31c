import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AcronisProvisioningEvents } from "../../modules/acronis/provisioning-events"
import { createOrderSubscriptionsStep } from "./steps/create-order-subscriptions"
import { validateProvisioningRequestStep } from "./steps/validate-provisioning-request"

export const executeAcronisOrderWorkflowId = "execute-acronis-order"

/**
 * An account manager executes a staff order (draft-order conversion or admin-created): saves its
 * subscriptions if `order.placed` never did (admin-created orders emit none), checks that some are pending
 * and the order is not cancelled, and asks for their provisioning. 400 when there is nothing to execute.
 */
export const executeAcronisOrderWorkflow = createWorkflow(
  executeAcronisOrderWorkflowId,
  (input: WorkflowData<{ order_id: string }>) => {
    const lockKey = transform({ input }, ({ input }) => `acronis-order-subscriptions:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const saved = createOrderSubscriptionsStep(input)
    releaseLockStep({ key: lockKey })
    const pending = transform({ saved }, ({ saved }) => ({
      subscription_ids: saved.subscriptions.filter((subscription) => subscription.status === "pending").map((subscription) => subscription.id),
      trigger: "execute" as const,
    }))
    const requests = validateProvisioningRequestStep(pending)
    emitEventStep({ eventName: AcronisProvisioningEvents.REQUESTED, data: requests })
    return new WorkflowResponse(saved)
  }
)
