import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { applyContractTierStep } from "../acronis-provisioning/steps/apply-contract-tier"
import { configureTenantOfferingItemsStep } from "../acronis-provisioning/steps/configure-tenant-offering-items"
import { prepareSubscriptionChangeStep, recordSubscriptionChangeStep, setSeatQuotasStep, type SubscriptionChangeInput } from "./steps"

export const changeAcronisSubscriptionWorkflowId = "change-acronis-subscription"

/**
 * Changes a live subscription's terms (`modules/acronis/domain/term-history.ts`), under the subscription's
 * lock so it cannot interleave with a suspension, a resume, another change or the scheduled job:
 *
 * 1. decides the change: refused (400) when the subscription is not active or its offer does not allow it;
 *    nothing at all when the terms already are what is asked — a double click changes nothing twice;
 * 2. for a change at once, brings Acronis in line first: the edition switch (provisioning's own step: the
 *    new edition's offering items on, the old edition's off, one edition per service), the higher contract
 *    tier (provisioning's tier step), or the higher seat quota;
 * 3. records the change in the term history, with today's terms in the columns. A scheduled change (fewer
 *    seats, a lower tier, another interval) is only recorded; `applyAcronisTermChangesWorkflow` brings
 *    Acronis in line on its day, and billing reads it from the history either way.
 *
 * A failure in Acronis stops before anything is recorded, and the lock is released; a retry converges (the
 * steps set states, they do not add). Nothing done in Acronis is compensated.
 */
export const changeAcronisSubscriptionWorkflow = createWorkflow(
  changeAcronisSubscriptionWorkflowId,
  (input: WorkflowData<SubscriptionChangeInput>) => {
    const lockKey = transform({ input }, ({ input }) => `acronis-subscription:${input.subscription_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const prepared = prepareSubscriptionChangeStep(input)

    when("switch-editions", { prepared }, ({ prepared }) => prepared.acronis?.kind === "editions").then(() => {
      configureTenantOfferingItemsStep(
        transform({ prepared }, ({ prepared }) => (prepared.acronis as Extract<typeof prepared.acronis, { kind: "editions" }>)!.configure)
      ).config({ name: "switch-tenant-editions" })
    })
    const tier = when("raise-contract-tier", { prepared }, ({ prepared }) => prepared.acronis?.kind === "tier").then(() =>
      applyContractTierStep(
        transform({ prepared }, ({ prepared }) => ({
          subscription_id: prepared.subscription_id,
          attempt: prepared.attempt,
          tenant_id: prepared.tenant_id,
          tier: (prepared.acronis as Extract<typeof prepared.acronis, { kind: "tier" }>)!.tier,
        }))
      )
    )
    when("raise-seat-quotas", { prepared }, ({ prepared }) => prepared.acronis?.kind === "seat_quotas").then(() => {
      setSeatQuotasStep(
        transform({ prepared }, ({ prepared }) => {
          const action = prepared.acronis as Extract<typeof prepared.acronis, { kind: "seat_quotas" }>
          return { subscription_id: prepared.subscription_id, attempt: prepared.attempt, tenant_id: prepared.tenant_id, seats: action!.seats, items: action!.items }
        })
      )
    })

    const result = recordSubscriptionChangeStep(transform({ prepared, tier }, ({ prepared, tier }) => ({ prepared, tier: tier ?? null })))
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(result)
  }
)
