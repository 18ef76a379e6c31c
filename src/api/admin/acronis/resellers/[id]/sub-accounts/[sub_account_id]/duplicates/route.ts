import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RESELLER_MODULE } from "../../../../../../../../modules/reseller"
import type ResellerModuleService from "../../../../../../../../modules/reseller/service"
import type { SubAccountLikeness } from "../../../../../../../../modules/reseller/similarity"
import { presentSubAccount, subAccountFields } from "../../../../../../../store/acronis/sub-accounts/query-config"
import { retrieveResellerSubAccount } from "../retrieve-reseller-sub-account"

/**
 * The duplicate review: the reseller's other sub-accounts that look like this one, by the same similarity
 * rules as the store's review (`name`, `address`, `email_domain`), most alike first. `{ matches }`, empty when none.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const subAccount = await retrieveResellerSubAccount(req)
  const service = req.scope.resolve<ResellerModuleService>(RESELLER_MODULE)
  const similar = (await service.findSimilarSubAccounts(req.params.id, subAccount as SubAccountLikeness & typeof subAccount)).filter((match) => match.id !== subAccount.id)
  if (!similar.length) return res.json({ matches: [] })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "reseller_sub_account",
    fields: subAccountFields,
    filters: { id: similar.map((match) => match.id), reseller_id: req.params.id },
  })
  const byId = new Map(data.map((row) => [row.id, row]))
  res.json({
    matches: similar.filter((match) => byId.has(match.id)).map((match) => ({ sub_account: presentSubAccount(byId.get(match.id)!), reasons: match.reasons })),
  })
}
