import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { executeAcronisOrderWorkflow } from "../../../../workflows/acronis-provisioning"
import { addAcronisProductToCustomerWorkflow } from "../../../../workflows/acronis-staff-order"
import { subscriptionFields } from "../subscriptions/query-config"
import { AdminAddAcronisProductToCustomerType } from "./validators"

/**
 * Adds an Acronis product to a customer: a staff order, executed now or left pending for execution. The staff
 * user is the order's account manager (`order.metadata.acronis_account_manager`).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAddAcronisProductToCustomerType>, res: MedusaResponse) {
  const { execute, ...input } = req.validatedBody
  // The staff user placing the order is its account manager (an API key is no one's).
  const accountManagerId = req.auth_context.actor_type === "user" ? req.auth_context.actor_id : null
  const { result: order } = await addAcronisProductToCustomerWorkflow(req.scope).run({
    input: { ...input, account_manager_id: accountManagerId },
  })
  if (execute) {
    await executeAcronisOrderWorkflow(req.scope).run({ input: { order_id: order.id } })
  }
  const { data: subscriptions } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { order_id: order.id },
  })
  res.status(201).json({
    order: { id: order.id, display_id: order.display_id, status: order.status, metadata: order.metadata },
    subscriptions,
  })
}
