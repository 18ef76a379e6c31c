import type { MedusaResponse } from "@medusajs/framework/http"
import { importSubAccountUsers } from "../../../../../../sub-account-users-import"
import type { ResellerRequest } from "../../../../reseller-context"
import { retrieveOwnSubAccount } from "../../retrieve-own-sub-account"
import type { StoreImportSubAccountUsersType } from "../../../validators"

/** "Batch Upload": the reseller's users from a CSV file sent as JSON `{ csv, dry_run? }` (see importSubAccountUsers). */
export async function POST(req: ResellerRequest<StoreImportSubAccountUsersType>, res: MedusaResponse) {
  const { csv, dry_run } = req.validatedBody
  await importSubAccountUsers(req.scope, res, {
    csv,
    dry_run,
    reseller_id: req.reseller.id,
    sub_account: await retrieveOwnSubAccount(req, req.params.id),
    reload: () => retrieveOwnSubAccount(req, req.params.id),
  })
}
