import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { presentSubAccount } from "../../../../modules/reseller/account-number"
import { resellerDetailFields } from "./query-config"

/** A reseller with its customers, sub-accounts and their users; 404 when it does not exist. */
export async function retrieveResellerDetail(req: MedusaRequest<unknown>, id: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [reseller] } = await query.graph(
    { entity: "reseller", fields: resellerDetailFields, filters: { id } },
    { throwIfKeyNotFound: true }
  )
  const { sub_accounts, ...rest } = reseller as typeof reseller & { sub_accounts?: { account_number: string | null }[] }
  return { ...rest, sub_accounts: (sub_accounts ?? []).map(presentSubAccount) }
}
