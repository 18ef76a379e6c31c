import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { describeImportErrors, parseUsersCsv } from "../../../../../../../../../modules/reseller/users-csv"
import { addSubAccountUsersWorkflow } from "../../../../../../../../../workflows/reseller"
import { retrieveResellerSubAccount } from "../../retrieve-reseller-sub-account"
import type { AdminImportSubAccountUsersType } from "../../../../../validators"

/**
 * Users from a CSV file for a reseller's sub-account, as the store's import: `dry_run: true` → 200 the rows
 * with their errors, nothing written; any error → 400 naming row and field, nothing written; else 201 `{ users }`.
 */
export async function POST(req: MedusaRequest<AdminImportSubAccountUsersType>, res: MedusaResponse) {
  const { csv, dry_run } = req.validatedBody
  const subAccount = await retrieveResellerSubAccount(req)
  if (subAccount.status !== "active") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Sub-account "${subAccount.name}" is ${subAccount.status}; users can be added once it is active (when its account number replaces PENDING).`
    )
  }
  const parsed = parseUsersCsv(csv, subAccount.users.map((user) => user.email))
  if (dry_run) {
    return res.json({
      valid: parsed.errors.length === 0,
      rows: parsed.rows.map(({ row, user, errors }) => ({ row, ...user, errors: errors.map(({ field, reason }) => ({ field, reason })) })),
      errors: parsed.errors,
    })
  }
  if (parsed.errors.length) {
    return res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: describeImportErrors(parsed.errors), errors: parsed.errors })
  }

  const { result } = await addSubAccountUsersWorkflow(req.scope).run({
    input: { reseller_id: req.params.id, sub_account_id: subAccount.id, users: parsed.rows.map((row) => row.user) },
  })
  const added = new Set(result.map((user) => user.id))
  const after = await retrieveResellerSubAccount(req)
  res.status(201).json({ users: after.users.filter((user) => added.has(user.id)) })
}
