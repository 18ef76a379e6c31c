import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { RESELLER_MODULE } from "../../../../../modules/reseller"
import type ResellerModuleService from "../../../../../modules/reseller/service"
import type { ResellerRequest } from "../../reseller-context"
import { presentSubAccount, subAccountFields } from "../query-config"
import type { StoreReviewSubAccountType } from "../validators"

/**
 * The review before creating (seed 003): the reseller's existing sub-accounts that look like the one being
 * entered, each with why (`name`, `address`, `email_domain`), so the reseller can pick one instead.
 * Writes nothing; `matches` is empty when nothing looks alike.
 */
export async function POST(req: ResellerRequest<StoreReviewSubAccountType>, res: MedusaResponse) {
  const service = req.scope.resolve<ResellerModuleService>(RESELLER_MODULE)
  const similar = await service.findSimilarSubAccounts(req.reseller.id, req.validatedBody)
  if (!similar.length) return res.json({ matches: [] })

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "reseller_sub_account",
    fields: subAccountFields,
    filters: { id: similar.map((match) => match.id), reseller_id: req.reseller.id },
  })
  const byId = new Map(data.map((subAccount) => [subAccount.id, subAccount]))
  res.json({
    matches: similar
      .filter((match) => byId.has(match.id))
      .map((match) => ({ sub_account: presentSubAccount(byId.get(match.id)!), reasons: match.reasons })),
  })
}
