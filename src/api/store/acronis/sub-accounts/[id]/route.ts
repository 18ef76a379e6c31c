import type { MedusaResponse } from "@medusajs/framework/http"
import type { ResellerRequest } from "../../reseller-context"
import { presentSubAccount } from "../query-config"
import { retrieveOwnSubAccount } from "./retrieve-own-sub-account"

/** One of the reseller's own sub-accounts with its users; another reseller's answers 404. */
export async function GET(req: ResellerRequest, res: MedusaResponse) {
  const subAccount = await retrieveOwnSubAccount(req, req.params.id)
  res.json({ sub_account: presentSubAccount(subAccount) })
}
