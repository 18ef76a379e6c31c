import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { FindOrCreateTenantOutput } from "../../acronis/steps/find-or-create-tenant"
import { writeProvisioningLog } from "./provisioning-log"

export type RecordSubscriptionTenantInput = {
  subscription_id: string
  attempt: number
  tenant: FindOrCreateTenantOutput
}

export const recordSubscriptionTenantStepId = "record-subscription-tenant"

/**
 * Stores the tenant id (and its parent) on the subscription the moment it is known, before anything is done
 * inside the tenant, and logs whether it was created, found by our reference or already stored. Not
 * compensated: the tenant is kept when a later step fails (see `findOrCreateTenantStep`), so the id stays
 * true and the next run resumes from it instead of searching again.
 */
export const recordSubscriptionTenantStep = createStep(
  recordSubscriptionTenantStepId,
  async (input: RecordSubscriptionTenantInput, { container }) => {
    await container.resolve<AcronisModuleService>(ACRONIS_MODULE).updateAcronisSubscriptions({
      id: input.subscription_id,
      tenant_id: input.tenant.tenant_id,
      parent_tenant_id: input.tenant.parent_id,
    })
    await writeProvisioningLog(container, {
      subscription_id: input.subscription_id,
      attempt: input.attempt,
      step: "find-or-create-tenant",
      outcome: input.tenant.outcome,
      message: `${input.tenant.kind} tenant "${input.tenant.name}" (${input.tenant.tenant_id})`,
    })
    return new StepResponse(input.tenant)
  }
)
