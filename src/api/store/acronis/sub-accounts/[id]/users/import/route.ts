import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { describeImportErrors, parseUsersCsv } from "../../../../../../../modules/reseller/users-csv"
import { addSubAccountUsersWorkflow } from "../../../../../../../workflows/reseller"
import type { ResellerRequest } from "../../../../reseller-context"
import { retrieveOwnSubAccount } from "../../retrieve-own-sub-account"
import type { StoreImportSubAccountUsersType } from "../../../validators"

/**
 * "Batch Upload": users from a CSV file sent as JSON `{ csv, dry_run? }`. Every row is checked first
 * (fields, duplicates within the file and with the sub-account's users).
 *
 * - `dry_run: true` → 200 `{ valid, rows: [{ row, email, …, errors }], errors }`, nothing written.
 * - otherwise, any error → 400 `{ type: "invalid_data", message, errors: [{ row, field, reason }] }`, nothing
 *   written; all valid → the users are added as by `POST …/users` → 201 `{ users }`.
 *
 * `row` is the line as a spreadsheet numbers it (header = 1); 0 is the file as a whole.
 */
export async function POST(req: ResellerRequest<StoreImportSubAccountUsersType>, res: MedusaResponse) {
  const { csv, dry_run } = req.validatedBody
  const subAccount = await retrieveOwnSubAccount(req, req.params.id)
  if (subAccount.status !== "active") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Sub-account "${subAccount.id}" is ${subAccount.status}; users can be added once it is active (when its account number replaces PENDING).`
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
    input: { reseller_id: req.reseller.id, sub_account_id: subAccount.id, users: parsed.rows.map((row) => row.user) },
  })
  const added = new Set(result.map((user) => user.id))
  const after = await retrieveOwnSubAccount(req, subAccount.id)
  res.status(201).json({ users: after.users.filter((user) => added.has(user.id)) })
}
