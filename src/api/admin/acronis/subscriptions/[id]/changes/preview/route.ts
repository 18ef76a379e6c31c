import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewSubscriptionChange } from "../../../subscription-changes"
import type { AcronisSubscriptionChangeType } from "../../../validators"

/**
 * What a change would cost, before it is confirmed: each month it alters, billed with and without it,
 * projected to the month's end at today's usage. Writes nothing, here or in Acronis.
 */
export async function POST(req: AuthenticatedMedusaRequest<AcronisSubscriptionChangeType>, res: MedusaResponse) {
  res.json({ preview: await previewSubscriptionChange(req.scope, req.params.id, req.validatedBody, "admin") })
}
