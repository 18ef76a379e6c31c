import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { changeAcronisDataLocationWorkflow } from "../../../../../../workflows/acronis-subscription-changes"
import { subscriptionFields } from "../../query-config"
import type { AdminChangeAcronisDataLocationType } from "../../validators"

/**
 * Moves a cloud plan's data location to another storage the plan can use — only while the tenant stores
 * nothing (Acronis's rule): otherwise 400 naming `data_location` with the reason. Asking for the location it
 * already has changes nothing (`outcome: "unchanged"`).
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminChangeAcronisDataLocationType>, res: MedusaResponse) {
  const { result } = await changeAcronisDataLocationWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, data_location: req.validatedBody.data_location },
  })
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    // With its metadata: the order form that now names the new location.
    fields: [...subscriptionFields, "metadata"],
    filters: { id: req.params.id },
  })
  res.json({ ...result, subscription })
}
