import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { ResellerRequest } from "../../reseller-context"
import { subAccountDetailFields } from "../query-config"

type SubAccountDetail = Record<string, unknown> & {
  id: string
  name: string
  status: string
  account_number: string | null
  users: { id: string; email: string }[]
}

/** The sub-account with its users if it is the requesting reseller's; otherwise a 404, as if it did not exist. */
export async function retrieveOwnSubAccount(req: ResellerRequest<unknown>, id: string): Promise<SubAccountDetail> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [subAccount] } = await query.graph({
    entity: "reseller_sub_account",
    fields: subAccountDetailFields,
    filters: { id, reseller_id: req.reseller.id },
  })
  if (!subAccount) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sub-account "${id}" was not found.`)
  return subAccount as unknown as SubAccountDetail
}
