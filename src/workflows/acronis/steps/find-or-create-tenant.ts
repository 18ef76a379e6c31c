import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AcronisApiError, AcronisErrorCode, type AcronisClient, type ContactInput, type Tenant, type TenantKind } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import { isTenantNameAttempt, TENANT_NAME_ATTEMPTS, tenantNameAttempt } from "../../../modules/acronis/domain/tenant-names"
import type AcronisModuleService from "../../../modules/acronis/service"

export type FindOrCreateTenantInput = {
  /** Where the tenant belongs; the MSP's root partner tenant when omitted. */
  parent_tenant_id?: string | null
  kind: Extract<TenantKind, "partner" | "folder" | "customer">
  /** Wanted name; a sibling with the same name gets " (2)" … " (10)", then the end of `reference_id`, appended. */
  name: string
  /** Our id for what the tenant stands for (reseller, sub-account, order…): stored in `customer_id` and `internal_tag`. */
  reference_id: string
  contact?: ContactInput
  /** ISO 639-1; Acronis defaults to "en". */
  language?: string
  /** The tenant id we already stored, if any: then it is read, never created again. */
  existing_tenant_id?: string | null
  /** Delete the tenant on compensation when this step created it. Default false: keep it for the next run to find. */
  delete_on_compensation?: boolean
}

export type FindOrCreateTenantOutput = {
  tenant_id: string
  name: string
  kind: TenantKind
  parent_id: string | null
  /** `created` now, `found` by our reference under the parent, or `existing` from `existing_tenant_id`. */
  outcome: "created" | "found" | "existing"
}

type Compensation = { tenant_id: string; delete: boolean } | null

export const findOrCreateTenantStepId = "find-or-create-tenant"
/** Search hits read per lookup; more than this many tenants containing the name is rare enough to list the children. */
const SEARCH_LIMIT = 100

/**
 * Our tenant under `parentId`: the live direct child whose `customer_id`/`internal_tag` is `referenceId`.
 *
 * Acronis offers no filter on either field (`GET /tenants` filters only by `uuids`, `parent_id`,
 * `subtree_root_id` and `updated_since`), and listing the parent's children reads all of them: 27 s per
 * order under a root with 10,000 customers. `GET /search` finds tenants by name, and we name ours `name`
 * or `name (N)`: so search for the name, keep the direct children carrying one of those names, and read them
 * (`GET /tenants?uuids=`, at most 100 per call) to compare the reference. When the search returns
 * `SEARCH_LIMIT` hits ours may be among those cut off, so the children are listed as before. A tenant
 * someone renamed in the console is not found by name; the id stored right after the create covers all
 * but a crash in that instant.
 */
export async function findChildByReference(
  client: AcronisClient,
  parentId: string,
  referenceId: string,
  name: string
): Promise<Tenant | undefined> {
  const hits = await client.search.find(parentId, name, { limit: SEARCH_LIMIT })
  const candidates = hits.filter(
    (hit) => hit.obj_type === "tenant" && hit.parent_id === parentId && !hit.deleted_at && isTenantNameAttempt(hit.name ?? "", name, referenceId)
  )
  const ours = (tenant: Tenant) =>
    tenant.parent_id === parentId && !tenant.deleted_at && (tenant.customer_id === referenceId || tenant.internal_tag === referenceId)
  if (candidates.length) {
    const found = (await client.tenants.getMany(candidates.map((hit) => hit.id))).find(ours)
    if (found) return found
  }
  if (hits.length < SEARCH_LIMIT) return undefined
  for await (const child of client.tenants.iterateChildren(parentId)) {
    if (ours(child)) return child
  }
  return undefined
}

/**
 * Steps 2 and 3 of the step below, in Acronis only (also for callers without a workflow, such as the
 * provisioning benchmark): our tenant under `parent_tenant_id` found by reference, or created.
 */
export async function findOrCreateChildTenant(
  client: AcronisClient,
  input: Omit<FindOrCreateTenantInput, "existing_tenant_id" | "delete_on_compensation"> & { parent_tenant_id: string }
): Promise<{ tenant: Tenant; outcome: "created" | "found" }> {
  const parentId = input.parent_tenant_id
  const findOurs = () => findChildByReference(client, parentId, input.reference_id, input.name)
  const found = await findOurs()
  if (found) return { tenant: found, outcome: "found" }

  for (let attempt = 1; attempt <= TENANT_NAME_ATTEMPTS; attempt++) {
    try {
      const tenant = await client.tenants.create({
        name: tenantNameAttempt(input.name, attempt, input.reference_id),
        kind: input.kind,
        parent_id: parentId,
        customer_id: input.reference_id,
        internal_tag: input.reference_id,
        ...(input.language && { language: input.language }),
        ...(input.contact && { contact: input.contact }),
      })
      return { tenant, outcome: "created" }
    } catch (error) {
      const clash = error instanceof AcronisApiError && error.hasCode(AcronisErrorCode.TenantNameConflict)
      // A clash may be our own tenant, made by a concurrent run since the search; an unknown outcome may be ours too.
      if (clash || (error instanceof AcronisApiError && error.retryable)) {
        const created = await findOurs()
        if (created) return { tenant: created, outcome: "found" }
      }
      if (clash) continue
      throw error
    }
  }
  throw new MedusaError(
    MedusaError.Types.CONFLICT,
    `Acronis already has tenants named "${input.name}" to "${tenantNameAttempt(input.name, TENANT_NAME_ATTEMPTS, input.reference_id)}" under ${parentId}; rename the account and retry.`
  )
}

const output = (tenant: Tenant, outcome: FindOrCreateTenantOutput["outcome"]): FindOrCreateTenantOutput => ({
  tenant_id: tenant.id,
  name: tenant.name,
  kind: tenant.kind,
  parent_id: tenant.parent_id,
  outcome,
})

/**
 * Finds or creates one Acronis tenant that stands for one of our records, so that running it again — after
 * a crash, a retry, a second sub-account — never makes a second tenant:
 *
 * 1. with `existing_tenant_id` (the id the caller stored last time) it reads that tenant and returns it; a
 *    tenant that is gone (404) stops the workflow with a message for a person, never a silent re-create;
 * 2. otherwise it looks for a child of the parent whose `customer_id`/`internal_tag` is our `reference_id`
 *    (`findChildByReference`: by name through `GET /search`, then the reference) and returns it;
 * 3. otherwise it creates it, with `customer_id` = `internal_tag` = `reference_id`. A sibling with the same
 *    name (409/1004) may be ours, made by a concurrent run since the search: it is searched for again and
 *    returned if it is; only someone else's tenant makes the name get " (2)", " (3)"… A create whose
 *    outcome is unknown (timeout, dropped connection) is followed by the same search before it fails.
 *
 * The caller stores `tenant_id` in its next step; a crash in between is covered by step 2.
 *
 * Compensation: a tenant found or given is never touched. A tenant this step created is kept by default —
 * it is empty, and the next run finds it by reference — and disabled then deleted only with
 * `delete_on_compensation: true` (e.g. when nothing will ever retry).
 */
export const findOrCreateTenantStep = createStep(
  findOrCreateTenantStepId,
  async (input: FindOrCreateTenantInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const client = acronis.getAcronisClient()

    if (input.existing_tenant_id) {
      try {
        const tenant = await client.tenants.get(input.existing_tenant_id)
        return new StepResponse(output(tenant, "existing"), null as Compensation)
      } catch (error) {
        if (error instanceof AcronisApiError && error.status === 404) {
          throw new MedusaError(
            MedusaError.Types.NOT_FOUND,
            `Acronis tenant ${input.existing_tenant_id} for ${input.reference_id} no longer exists. Check it in the Acronis console; clear the stored tenant id to create a new one.`
          )
        }
        throw error
      }
    }

    const parentId = input.parent_tenant_id || (await acronis.getRootTenantId())
    const { tenant, outcome } = await findOrCreateChildTenant(client, { ...input, parent_tenant_id: parentId })
    const compensation: Compensation = outcome === "created" ? { tenant_id: tenant.id, delete: input.delete_on_compensation ?? false } : null
    return new StepResponse(output(tenant, outcome), compensation)
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation?.delete) return
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    await client.tenants.disableAndDelete(compensation.tenant_id)
  }
)
