import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { executeAcronisOrderWorkflow } from "../../../../workflows/acronis-provisioning"
import { addAcronisProductToCustomerWorkflow } from "../../../../workflows/acronis-staff-order"
import { subscriptionFields } from "../subscriptions/query-config"
import { AdminAddAcronisProductToCustomerType } from "./validators"

/** Adds an Acronis product to a customer: a staff order, executed now or left pending for execution. */
export async function POST(req: AuthenticatedMedusaRequest<AdminAddAcronisProductToCustomerType>, res: MedusaResponse) {
  const { execute, ...input } = req.validatedBody
  const { result: order } = await addAcronisProductToCustomerWorkflow(req.scope).run({ input })
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
