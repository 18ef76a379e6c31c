import { MedusaService } from "@medusajs/framework/utils"
import { Reseller, SubAccount, SubAccountUser } from "./models"
import { similarityReasons, type SimilarityReason, type SubAccountLikeness } from "./similarity"

export type SimilarSubAccount = { id: string; reasons: SimilarityReason[] }

export default class ResellerModuleService extends MedusaService({ Reseller, ResellerSubAccount: SubAccount, ResellerSubAccountUser: SubAccountUser }) {
  /**
   * The reseller's own sub-accounts that look like `candidate` (name, street address, company e-mail
   * domain), most reasons first. Other resellers' sub-accounts are never compared: a reseller sees only its own.
   */
  async findSimilarSubAccounts(resellerId: string, candidate: SubAccountLikeness): Promise<SimilarSubAccount[]> {
    const existing = await this.listResellerSubAccounts(
      { reseller_id: resellerId },
      { select: ["id", "name", "email", "address_1", "postal_code", "country_code"] }
    )
    return existing
      .map((subAccount) => ({ id: subAccount.id, reasons: similarityReasons(candidate, subAccount) }))
      .filter((match) => match.reasons.length > 0)
      .sort((a, b) => b.reasons.length - a.reasons.length)
  }
}
