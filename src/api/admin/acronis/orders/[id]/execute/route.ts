import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { executeAcronisOrderWorkflow } from "../../../../../../workflows/acronis-provisioning"
import { subscriptionFields } from "../../../subscriptions/query-config"

/**
 * An account manager executes a staff order: its pending Acronis subscriptions are provisioned in the
 * background. 202 with the order's subscriptions; 400 when none is pending or the order is cancelled.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  await executeAcronisOrderWorkflow(req.scope).run({ input: { order_id: req.params.id } })
  const { data: subscriptions } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionFields,
    filters: { order_id: req.params.id },
  })
  res.status(202).json({ subscriptions })
}
