import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { WorkflowData, WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { TENANT_HOLDING_STATUSES } from "../../modules/acronis/domain/subscription-status"
import { utcDay } from "../../modules/acronis-billing/domain/period"
import { applyContractTierStep } from "../acronis-provisioning/steps/apply-contract-tier"
import { prepareDueTermChangesStep, recordAppliedTermChangesStep, setSeatQuotasStep } from "./steps"

export const applyAcronisTermChangesWorkflowId = "apply-acronis-term-changes"

/**
 * Brings one subscription's scheduled changes into effect in Acronis once their day has come, under the
 * subscription's lock: the lower tier on the partner tenant, the lower seat quota, then the changes marked
 * applied and the columns moved to today's terms. Run again, it finds nothing due: idempotent.
 */
export const applyAcronisTermChangesWorkflow = createWorkflow(
  applyAcronisTermChangesWorkflowId,
  (input: WorkflowData<{ subscription_id: string; now: string }>) => {
    const lockKey = transform({ input }, ({ input }) => `acronis-subscription:${input.subscription_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
    const due = prepareDueTermChangesStep(input)
    const tier = when("lower-contract-tier", { due }, ({ due }) => due.tier !== null).then(() =>
      applyContractTierStep(
        transform({ due }, ({ due }) => ({ subscription_id: due.subscription_id, attempt: due.attempt, tenant_id: due.tenant_id, tier: due.tier! }))
      )
    )
    when("lower-seat-quotas", { due }, ({ due }) => !!due.seats).then(() => {
      setSeatQuotasStep(
        transform({ due }, ({ due }) => ({ subscription_id: due.subscription_id, attempt: due.attempt, tenant_id: due.tenant_id, ...due.seats! }))
      )
    })
    when("changes-due", { due }, ({ due }) => due.due.length > 0).then(() => {
      recordAppliedTermChangesStep(transform({ due, tier }, ({ due, tier }) => ({ due, tier: tier ?? null })))
    })
    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(transform({ due }, ({ due }) => ({ subscription_id: due.subscription_id, applied: due.due })))
  }
)

export type ApplyDueTermChangesResult = {
  applied: { subscription_id: string; changes: string[] }[]
  failed: { subscription_id: string; message: string }[]
}

/**
 * The term-changes job's run: every subscription whose tenant exists and has a scheduled change due by
 * today, one workflow each, so one failure (recorded, retried next run) does not stop the others.
 */
export async function applyDueAcronisTermChanges(container: MedusaContainer, { now }: { now: Date }): Promise<ApplyDueTermChangesResult> {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const due = await acronis.listAcronisSubscriptions(
    { next_change_on: { $lte: utcDay(now) }, status: [...TENANT_HOLDING_STATUSES] },
    { select: ["id"], take: null, order: { id: "ASC" } }
  )
  const result: ApplyDueTermChangesResult = { applied: [], failed: [] }
  for (const { id } of due) {
    try {
      const { result: applied } = await applyAcronisTermChangesWorkflow(container).run({ input: { subscription_id: id, now: now.toISOString() } })
      if (applied.applied.length) result.applied.push({ subscription_id: id, changes: applied.applied })
    } catch (error) {
      result.failed.push({ subscription_id: id, message: (error as Error).message })
    }
  }
  return result
}
