import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { WorkflowData, WorkflowResponse, createWorkflow, transform, when } from "@medusajs/framework/workflows-sdk"
import { moveTenantStorageStep, prepareDataLocationChangeStep, recordDataLocationStep, type DataLocationChangeInput, type PreparedDataLocationChange } from "./steps"

export const changeAcronisDataLocationWorkflowId = "change-acronis-data-location"

/** What the data-location routes answer: the outcome and where the data is. */
const viewOf = (prepared: PreparedDataLocationChange) => ({
  outcome: prepared.outcome,
  from: prepared.from,
  to: prepared.to,
  storage_usage: prepared.storage_usage,
  moves: prepared.turn_on.map((item) => item.name),
})

/**
 * Moves a cloud plan's data location, asked by staff, under the subscription's lock (no interleaving with a
 * suspension, a term change or another move):
 *
 * 1. decides it from Acronis as it is now (`prepareDataLocationChangeStep`): 400 naming `data_location` for a
 *    storage the plan cannot use, and while the tenant stores anything (Acronis moves a tenant's storage only
 *    while its usage is 0); nothing at all when the data already is there — asking twice moves once;
 * 2. moves the tenant's storage items in Acronis (one PUT, `check_usage`);
 * 3. records the new location in `metadata.plan_order.data_location`.
 *
 * A failure of 3 puts the storage back (2's compensation); a failure of 2 leaves everything as it was.
 */
export const changeAcronisDataLocationWorkflow = createWorkflow(changeAcronisDataLocationWorkflowId, (input: WorkflowData<DataLocationChangeInput>) => {
  const lockKey = transform({ input }, ({ input }) => `acronis-subscription:${input.subscription_id}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })
  const prepared = prepareDataLocationChangeStep(input)
  moveTenantStorageStep(transform({ prepared }, ({ prepared }) => ({ tenant_id: prepared.tenant_id, turn_off: prepared.turn_off, turn_on: prepared.turn_on })))
  when("record-data-location", { prepared }, ({ prepared }) => prepared.outcome === "moved").then(() => {
    recordDataLocationStep(prepared)
  })
  releaseLockStep({ key: lockKey })
  return new WorkflowResponse(transform({ prepared }, ({ prepared }) => viewOf(prepared)))
})

export const previewAcronisDataLocationChangeWorkflowId = "preview-acronis-data-location-change"

/** What a move would do, or why it is refused, before it is confirmed. Reads only, in Medusa and in Acronis. */
export const previewAcronisDataLocationChangeWorkflow = createWorkflow(
  previewAcronisDataLocationChangeWorkflowId,
  (input: WorkflowData<DataLocationChangeInput>) => new WorkflowResponse(transform({ prepared: prepareDataLocationChangeStep(input) }, ({ prepared }) => viewOf(prepared)))
)
