import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordAcronisTermsConsentWorkflow } from "../../../../../../workflows/acronis-checkout"
import type { StoreAcceptAcronisTermsType } from "../validators"

/** Accepts the Acronis terms of use for the cart; the consent keeps time, IP address and user agent. */
export async function POST(req: MedusaRequest<StoreAcceptAcronisTermsType>, res: MedusaResponse) {
  const { result } = await recordAcronisTermsConsentWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      terms_version: req.validatedBody.terms_version,
      ip_address: req.ip ?? null,
      user_agent: req.get("user-agent") ?? null,
    },
  })
  res.status(201).json({
    acronis_terms_consent: {
      id: result.id,
      cart_id: result.cart_id,
      terms_url: result.terms_url,
      terms_version: result.terms_version,
      accepted_at: result.accepted_at,
    },
  })
}
