import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewAcronisDataLocationChangeWorkflow } from "../../../../../../../workflows/acronis-subscription-changes"
import type { AdminChangeAcronisDataLocationType } from "../../../validators"

/** What moving the data location would do, or why it is refused, from Acronis as it is now. Writes nothing. */
export async function POST(req: AuthenticatedMedusaRequest<AdminChangeAcronisDataLocationType>, res: MedusaResponse) {
  const { result } = await previewAcronisDataLocationChangeWorkflow(req.scope).run({
    input: { subscription_id: req.params.id, data_location: req.validatedBody.data_location },
  })
  res.json({ preview: result })
}
