import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"
import { normalizeUserInput, type SubAccountUserInput } from "../../../modules/reseller/user-fields"
import { checkUserList } from "../../../modules/reseller/users-csv"

export type ValidateSubAccountUsersInput = {
  reseller_id: string
  sub_account_id: string
  users: SubAccountUserInput[]
}

export type ValidatedSubAccountUsers = {
  acronis_tenant_id: string
  /** Trimmed, e-mails lower-cased: what will be stored and sent to Acronis. */
  users: SubAccountUserInput[]
}

export const validateSubAccountUsersStepId = "validate-sub-account-users"

/**
 * Before anything is written: the sub-account is the reseller's own (else 404, as if it did not exist),
 * it is `active` (its Acronis tenant exists), and every user is valid and new — no e-mail twice in the
 * list or already a user of the sub-account. The first problem is the 400's message, naming the field.
 */
export const validateSubAccountUsersStep = createStep(
  validateSubAccountUsersStepId,
  async (input: ValidateSubAccountUsersInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    const [subAccount] = await service.listResellerSubAccounts(
      { id: input.sub_account_id, reseller_id: input.reseller_id },
      { select: ["id", "status", "acronis_tenant_id"], relations: ["users"] }
    )
    if (!subAccount) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sub-account "${input.sub_account_id}" was not found.`)
    if (subAccount.status !== "active" || !subAccount.acronis_tenant_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Sub-account "${subAccount.id}" is ${subAccount.status}; users can be added once it is active (when its account number replaces PENDING).`
      )
    }
    if (!input.users.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "users: add at least one user.")
    const errors = checkUserList(input.users, subAccount.users.map((user) => user.email))
    if (errors.length) {
      const [first] = errors
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `users[${first.row - 1}].${first.field}: ${first.reason}.`)
    }
    return new StepResponse<ValidatedSubAccountUsers>({
      acronis_tenant_id: subAccount.acronis_tenant_id,
      users: input.users.map((user) => normalizeUserInput(user)),
    })
  }
)
