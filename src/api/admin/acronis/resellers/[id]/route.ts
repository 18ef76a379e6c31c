import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retrieveResellerDetail } from "../retrieve-reseller-detail"

/** One reseller with its customers, sub-accounts (status, account number, provisioning error) and their users. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  res.json({ reseller: await retrieveResellerDetail(req, req.params.id) })
}
