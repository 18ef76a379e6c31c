import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents, type OrderReceivedPayload } from "../../modules/acronis/events"
import { AcronisProvisioningEvents, type ProvisioningRequestedPayload } from "../../modules/acronis/provisioning-events"
import { createOrderSubscriptionsStep } from "./steps/create-order-subscriptions"
import { prepareSaasOrderIdStep } from "./steps/prepare-saas-order-id"

export type CreateAcronisOrderSubscriptionsInput = { order_id: string }

export const createAcronisOrderSubscriptionsWorkflowId = "create-acronis-order-subscriptions"

/**
 * What `order.placed` does for Acronis: under a lock on the order, saves one `pending` subscription per
 * Acronis line (once — lines seen before are skipped), tells the customer the order was received, sends the
 * Order ID of SaaS plan lines to whoever their order forms name (staff orders too), and asks for provisioning
 * of the storefront order's pending subscriptions. Staff orders stop here until
 * `POST /admin/acronis/orders/:id/execute`. Safe to run again: each e-mail goes once per order (the e-mail
 * workflow skips one already sent), so the recovery job runs it again for an order whose e-mail a crash lost.
 */
export const createAcronisOrderSubscriptionsWorkflow = createWorkflow(
  createAcronisOrderSubscriptionsWorkflowId,
  (input: WorkflowData<CreateAcronisOrderSubscriptionsInput>) => {
    const lockKey = transform({ input }, ({ input }) => `acronis-order-subscriptions:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 })
    const saved = createOrderSubscriptionsStep(input)
    releaseLockStep({ key: lockKey })

    const received = transform({ saved }, ({ saved }): OrderReceivedPayload | null =>
      saved.subscriptions.length && saved.order.email && !saved.order.staff_order
        ? {
            id: saved.order.id,
            order_display_id: saved.order.display_id,
            email: saved.order.email,
            customer_name: saved.order.customer_name,
            services: saved.subscriptions.map((subscription) => subscription.service_name),
          }
        : null
    )
    emitEventStep({ eventName: AcronisEvents.ORDER_RECEIVED, data: received }).config({ name: "emit-acronis-order-received" })
    const saasOrder = prepareSaasOrderIdStep(input)
    emitEventStep({ eventName: AcronisEvents.SAAS_ORDER_PLACED, data: saasOrder }).config({ name: "emit-acronis-saas-order-placed" })

    const requests = transform({ saved }, ({ saved }): ProvisioningRequestedPayload[] =>
      saved.subscriptions
        .filter((subscription) => subscription.status === "pending" && subscription.execution === "automatic")
        .map((subscription) => ({ subscription_id: subscription.id, trigger: "order_placed" as const }))
    )
    emitEventStep({ eventName: AcronisProvisioningEvents.REQUESTED, data: requests }).config({ name: "request-acronis-provisioning" })
    return new WorkflowResponse(saved)
  }
)
