import { createOrderWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { AcronisEvents } from "../../modules/acronis/events"
import { attachPayPerUseHoldStep, holdPayPerUseStep } from "../acronis-checkout/steps"
import { createOrderSubscriptionsStep } from "../acronis-provisioning/steps/create-order-subscriptions"
import { prepareSaasOrderIdStep } from "../acronis-provisioning/steps/prepare-saas-order-id"
import { PrepareAcronisStaffOrderInput, prepareAcronisStaffOrderStep } from "./steps/prepare-acronis-staff-order"

export const addAcronisProductToCustomerWorkflowId = "add-acronis-product-to-customer"

/**
 * The admin's "add product to customer" (seed 000): an order an account manager places for a customer. Like
 * every staff order it waits until it is executed; the route executes it at once when asked to. A
 * pay-per-use order takes the customer's pay-per-use hold first, as a storefront checkout does, so a staff
 * order and a checkout (or two staff orders) at once never give a customer two pay-per-use subscriptions.
 * Its subscriptions are saved at once, pending execution, so the order's page and the Subscriptions list
 * show what waits; and a SaaS plan's Order ID is e-mailed when the order is placed (admin-created orders emit
 * no `order.placed`, which does both for storefront orders).
 */
export const addAcronisProductToCustomerWorkflow = createWorkflow(
  addAcronisProductToCustomerWorkflowId,
  (input: PrepareAcronisStaffOrderInput) => {
    const prepared = prepareAcronisStaffOrderStep(input)
    const holdInput = transform({ prepared }, ({ prepared }) => ({ ...prepared.pay_per_use, cart_id: null }))
    const holdId = holdPayPerUseStep(holdInput)
    const orderInput = transform({ prepared }, ({ prepared }) => {
      const { pay_per_use: _, ...order } = prepared
      return { ...order, status: "pending" as const }
    })
    const order = createOrderWorkflow.runAsStep({ input: orderInput as never })
    const attach = transform({ holdId, order }, ({ holdId, order }) => ({ hold_id: holdId, order_id: order.id }))
    attachPayPerUseHoldStep(attach)
    createOrderSubscriptionsStep(transform({ order }, ({ order }) => ({ order_id: order.id })))
    const saasOrder = prepareSaasOrderIdStep(transform({ order }, ({ order }) => ({ order_id: order.id })))
    emitEventStep({ eventName: AcronisEvents.SAAS_ORDER_PLACED, data: saasOrder }).config({ name: "emit-acronis-saas-order-placed" })
    return new WorkflowResponse(order)
  }
)
