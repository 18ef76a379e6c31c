import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { addSubAccountUsersWorkflow } from "../../../../../../../../workflows/reseller"
import { retrieveResellerSubAccount } from "../retrieve-reseller-sub-account"
import type { AdminAddSubAccountUsersType } from "../../../../validators"

/**
 * Staff add users to a reseller's active sub-account, as the reseller does in the store: each becomes an
 * Acronis user with its activation e-mail. 201 `{ users }`; 400 naming the field with nothing written.
 */
export async function POST(req: MedusaRequest<AdminAddSubAccountUsersType>, res: MedusaResponse) {
  const subAccount = await retrieveResellerSubAccount(req)
  const { result } = await addSubAccountUsersWorkflow(req.scope).run({
    input: { reseller_id: req.params.id, sub_account_id: subAccount.id, users: req.validatedBody.users },
  })
  const added = new Set(result.map((user) => user.id))
  const after = await retrieveResellerSubAccount(req)
  res.status(201).json({ users: after.users.filter((user) => added.has(user.id)) })
}
