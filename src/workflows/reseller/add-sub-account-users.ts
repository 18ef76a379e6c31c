import { WorkflowData, WorkflowResponse, createWorkflow, transform } from "@medusajs/framework/workflows-sdk"
import { createAcronisUsersStep } from "../acronis/steps/create-acronis-users"
import { createSubAccountUsersStep } from "./steps/create-sub-account-users"
import { validateSubAccountUsersStep, type ValidateSubAccountUsersInput } from "./steps/validate-sub-account-users"

export type AddSubAccountUsersWorkflowInput = ValidateSubAccountUsersInput

export const addSubAccountUsersWorkflowId = "add-sub-account-users"

/**
 * Adds users to a reseller's active sub-account, all or nothing: every user is checked first (validation,
 * duplicates, Acronis logins), then each becomes an Acronis `company_admin` of the sub-account's tenant and
 * gets Acronis's activation e-mail, then all are saved. If a later step fails, the Acronis users this run
 * created are deleted again (their activation e-mails cannot be recalled).
 */
export const addSubAccountUsersWorkflow = createWorkflow(
  addSubAccountUsersWorkflowId,
  (input: WorkflowData<AddSubAccountUsersWorkflowInput>) => {
    const validated = validateSubAccountUsersStep(input)
    const acronisInput = transform({ validated }, ({ validated }) => ({
      tenant_id: validated.acronis_tenant_id,
      users: validated.users.map((user) => ({
        email: user.email,
        first_name: user.first_name,
        last_name: user.last_name,
        language: user.language,
      })),
    }))
    const acronisUsers = createAcronisUsersStep(acronisInput)
    const rows = transform({ validated, acronisUsers, input }, ({ validated, acronisUsers, input }) => ({
      sub_account_id: input.sub_account_id,
      users: validated.users.map((user, index) => ({ ...user, acronis_user_id: acronisUsers[index].acronis_user_id })),
    }))
    return new WorkflowResponse(createSubAccountUsersStep(rows))
  }
)
