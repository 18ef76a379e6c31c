import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { CreatedAcronisUser } from "../../acronis/steps/create-acronis-users"
import { writeProvisioningLog } from "./provisioning-log"

export type RecordSubscriptionUserInput = { subscription_id: string; attempt: number; user: CreatedAcronisUser }

export const recordSubscriptionUserStepId = "record-subscription-user"

/**
 * Stores the admin user's id and login on the subscription and logs whether it was created (activation
 * e-mail sent by Acronis) or found from an earlier run. Not compensated: the user is kept with its tenant.
 */
export const recordSubscriptionUserStep = createStep(
  recordSubscriptionUserStepId,
  async (input: RecordSubscriptionUserInput, { container }) => {
    await container.resolve<AcronisModuleService>(ACRONIS_MODULE).updateAcronisSubscriptions({
      id: input.subscription_id,
      user_id: input.user.acronis_user_id,
      login: input.user.login,
    })
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt: input.attempt,
      step: "create-admin-user",
      outcome: input.user.outcome,
      message: `user ${input.user.login} (${input.user.acronis_user_id})${input.user.activation_email_sent ? "; activation e-mail sent" : ""}`,
    })
    return new StepResponse(input.user)
  }
)
