import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { subAccountDetailFields } from "../../../../../../store/acronis/sub-accounts/query-config"

type SubAccountDetail = Record<string, unknown> & {
  id: string
  name: string
  status: string
  account_number: string | null
  users: { id: string; email: string }[]
}

/** The reseller's sub-account with its users; 404 when it does not exist or belongs to another reseller. */
export async function retrieveResellerSubAccount(req: MedusaRequest<unknown>): Promise<SubAccountDetail> {
  const { id, sub_account_id } = req.params
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [subAccount] } = await query.graph({
    entity: "reseller_sub_account",
    fields: subAccountDetailFields,
    filters: { id: sub_account_id, reseller_id: id },
  })
  if (!subAccount) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sub-account "${sub_account_id}" of reseller "${id}" was not found.`)
  return subAccount as unknown as SubAccountDetail
}
