import type { MedusaResponse } from "@medusajs/framework/http"
import { addSubAccountUsersWorkflow } from "../../../../../../workflows/reseller"
import type { ResellerRequest } from "../../../reseller-context"
import { retrieveOwnSubAccount } from "../retrieve-own-sub-account"
import type { StoreAddSubAccountUsersType } from "../../validators"

/** The sub-account's users. */
export async function GET(req: ResellerRequest, res: MedusaResponse) {
  const subAccount = await retrieveOwnSubAccount(req, req.params.id)
  res.json({ users: subAccount.users, count: subAccount.users.length })
}

/**
 * Adds users (one or more, "Add More Users") to an active sub-account: each becomes an Acronis user and gets
 * Acronis's activation e-mail. 201 `{ users }`; 400 naming the field (e.g. `users[1].language`) with nothing
 * written; 404 for a sub-account that is not the reseller's.
 */
export async function POST(req: ResellerRequest<StoreAddSubAccountUsersType>, res: MedusaResponse) {
  const { result } = await addSubAccountUsersWorkflow(req.scope).run({
    input: { reseller_id: req.reseller.id, sub_account_id: req.params.id, users: req.validatedBody.users },
  })
  const subAccount = await retrieveOwnSubAccount(req, req.params.id)
  const added = new Set(result.map((user) => user.id))
  res.status(201).json({ users: subAccount.users.filter((user) => added.has(user.id)) })
}
