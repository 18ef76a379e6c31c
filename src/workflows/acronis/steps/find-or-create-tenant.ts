import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AcronisApiError, AcronisErrorCode, type AcronisClient, type ContactInput, type Tenant, type TenantKind } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"

export type FindOrCreateTenantInput = {
  /** Where the tenant belongs; the MSP's root partner tenant when omitted. */
  parent_tenant_id?: string | null
  kind: Extract<TenantKind, "partner" | "folder" | "customer">
  /** Wanted name; a sibling with the same name gets " (2)", " (3)", … appended. */
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
/** Distinct names tried after a sibling-name clash (1004) before giving up. */
const MAX_NAME_ATTEMPTS = 10

async function findChildByReference(client: AcronisClient, parentId: string, referenceId: string): Promise<Tenant | undefined> {
  for await (const child of client.tenants.iterateChildren(parentId)) {
    if (!child.deleted_at && (child.customer_id === referenceId || child.internal_tag === referenceId)) return child
  }
  return undefined
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
 * 2. otherwise it looks through the parent's children for one whose `customer_id`/`internal_tag` is our
 *    `reference_id` (Acronis has no server-side filter on them) and returns it;
 * 3. otherwise it creates it, with `customer_id` = `internal_tag` = `reference_id`. A sibling with the same
 *    name (409/1004) is someone else's tenant: the name gets " (2)", " (3)"… A create whose outcome is
 *    unknown (timeout, dropped connection) is followed by the same search before it fails.
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
    const found = await findChildByReference(client, parentId, input.reference_id)
    if (found) return new StepResponse(output(found, "found"), null as Compensation)

    for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
      const name = attempt === 1 ? input.name : `${input.name} (${attempt})`
      try {
        const tenant = await client.tenants.create({
          name,
          kind: input.kind,
          parent_id: parentId,
          customer_id: input.reference_id,
          internal_tag: input.reference_id,
          ...(input.language && { language: input.language }),
          ...(input.contact && { contact: input.contact }),
        })
        return new StepResponse(output(tenant, "created"), {
          tenant_id: tenant.id,
          delete: input.delete_on_compensation ?? false,
        } as Compensation)
      } catch (error) {
        if (error instanceof AcronisApiError && error.hasCode(AcronisErrorCode.TenantNameConflict)) continue
        if (error instanceof AcronisApiError && error.retryable) {
          const created = await findChildByReference(client, parentId, input.reference_id)
          if (created) return new StepResponse(output(created, "found"), null as Compensation)
        }
        throw error
      }
    }
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Acronis already has tenants named "${input.name}" to "${input.name} (${MAX_NAME_ATTEMPTS})" under ${parentId}; rename the account and retry.`
    )
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation?.delete) return
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    const disabled = await client.tenants.disable(compensation.tenant_id)
    await client.tenants.delete(compensation.tenant_id, disabled.version)
  }
)
