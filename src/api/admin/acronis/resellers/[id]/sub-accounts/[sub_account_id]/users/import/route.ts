import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importSubAccountUsers } from "../../../../../../../../sub-account-users-import"
import { retrieveResellerSubAccount } from "../../retrieve-reseller-sub-account"
import type { AdminImportSubAccountUsersType } from "../../../../../validators"

/** Users from a CSV file for a reseller's sub-account, as the store's import (`dry_run` previews the rows). */
export async function POST(req: MedusaRequest<AdminImportSubAccountUsersType>, res: MedusaResponse) {
  const { csv, dry_run } = req.validatedBody
  await importSubAccountUsers(req.scope, res, {
    csv,
    dry_run,
    reseller_id: req.params.id,
    sub_account: await retrieveResellerSubAccount(req),
    reload: () => retrieveResellerSubAccount(req),
  })
}
