import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { RESELLER_MODULE } from "../../../modules/reseller"
import type ResellerModuleService from "../../../modules/reseller/service"
import type { SubAccountUserInput } from "../../../modules/reseller/user-fields"

export type CreateSubAccountUsersInput = {
  sub_account_id: string
  users: (SubAccountUserInput & { acronis_user_id: string })[]
}

export const createSubAccountUsersStepId = "create-sub-account-users"

/** Saves the users (already Acronis users, invited) in one write; compensation deletes them. */
export const createSubAccountUsersStep = createStep(
  createSubAccountUsersStepId,
  async (input: CreateSubAccountUsersInput, { container }) => {
    const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
    const users = await service.createResellerSubAccountUsers(
      input.users.map((user) => ({ ...user, sub_account_id: input.sub_account_id, status: "invited" as const }))
    )
    return new StepResponse(users, users.map((user) => user.id))
  },
  async (userIds: string[] | undefined, { container }) => {
    if (!userIds?.length) return
    await container.resolve<ResellerModuleService>(RESELLER_MODULE).deleteResellerSubAccountUsers(userIds)
  }
)
