import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { describeImportErrors, parseUsersCsv } from "../modules/reseller/users-csv"
import { addSubAccountUsersWorkflow } from "../workflows/reseller"

type SubAccountWithUsers = { id: string; name: string; status: string; users: { id: string; email: string }[] }

/**
 * "Batch Upload" of a sub-account's users from a CSV file, for the reseller in the store and for staff in the
 * admin alike. Every row is checked first (fields, duplicates within the file and with the sub-account's users):
 *
 * - `dry_run` → 200 `{ valid, rows: [{ row, email, …, errors }], errors }`, nothing written;
 * - otherwise any error → 400 `{ type: "invalid_data", message, errors: [{ row, field, reason }] }`, nothing
 *   written; all valid → the users are added as one by one → 201 `{ users }`.
 *
 * `row` is the line as a spreadsheet numbers it (header = 1); 0 is the file as a whole. `reload` reads the
 * sub-account again, with its users, after they were added.
 */
export async function importSubAccountUsers(
  scope: MedusaContainer,
  res: MedusaResponse,
  input: { csv: string; dry_run?: boolean; reseller_id: string; sub_account: SubAccountWithUsers; reload: () => Promise<SubAccountWithUsers> }
) {
  const { sub_account: subAccount } = input
  if (subAccount.status !== "active") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Sub-account "${subAccount.name}" is ${subAccount.status}; users can be added once it is active (when its account number replaces PENDING).`
    )
  }
  const parsed = parseUsersCsv(input.csv, subAccount.users.map((user) => user.email))
  if (input.dry_run) {
    return res.json({
      valid: parsed.errors.length === 0,
      rows: parsed.rows.map(({ row, user, errors }) => ({ row, ...user, errors: errors.map(({ field, reason }) => ({ field, reason })) })),
      errors: parsed.errors,
    })
  }
  if (parsed.errors.length) {
    return res.status(400).json({ type: MedusaError.Types.INVALID_DATA, message: describeImportErrors(parsed.errors), errors: parsed.errors })
  }

  const { result } = await addSubAccountUsersWorkflow(scope).run({
    input: { reseller_id: input.reseller_id, sub_account_id: subAccount.id, users: parsed.rows.map((row) => row.user) },
  })
  const added = new Set(result.map((user) => user.id))
  const after = await input.reload()
  res.status(201).json({ users: after.users.filter((user) => added.has(user.id)) })
}
