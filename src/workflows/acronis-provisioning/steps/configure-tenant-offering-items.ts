import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { AcronisClient } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { AcronisService } from "../../../modules/acronis/domain/licensing"
import { editionClashes, offeringItemsForTenant } from "../../../modules/acronis/domain/tenant-offering"
import { mapBounded } from "../../../lib/concurrency"
import { writeProvisioningLog } from "./provisioning-log"

export type ConfigureTenantOfferingItemsInput = {
  tenant_id: string
  parent_tenant_id: string
  tenant_kind: "customer" | "partner"
  services: AcronisService[]
  editions: string[]
  quotas?: Record<string, { value: number | null; overage: number | null }>
  /** A plan's chosen data location (backup storage `infra_id`). */
  storage_infra_id?: string | null
  /** A customer tenant's editions that stay on besides `editions`: those other active subscriptions of it use. */
  keep_editions?: string[]
  /** When set, the outcome goes to this subscription's provisioning log. */
  log?: { subscription_id: string; attempt: number; step: string }
}

export type ConfigureTenantOfferingItemsOutput = {
  application_ids: string[]
  offering_items: string[]
  /** Items of other editions this run turned off (a customer tenant keeps one edition per service). */
  turned_off: string[]
}

export const configureTenantOfferingItemsStepId = "configure-tenant-offering-items"
/** Service bindings sent at once (a tenant gets at most a handful of services). */
const BINDINGS_AT_ONCE = 4
/** How long the services and the root's offering are reused. */
const OFFERING_MAX_AGE_MS = 60_000

/**
 * What the step does in Acronis, for callers without a workflow (the provisioning benchmark): the reads, the
 * bindings and the one PUT described on the step. `rootTenantId` is the API client's own tenant.
 */
export async function configureTenantOfferingItems(
  client: AcronisClient,
  rootTenantId: string,
  input: Omit<ConfigureTenantOfferingItemsInput, "log">
): Promise<ConfigureTenantOfferingItemsOutput> {
  // The services and the root's offering change only when Acronis or the distributor changes them: kept for a
  // minute. A reseller's partner tenant's offering is changed by our own runs (from any process): read fresh.
  const maxAgeMs = input.parent_tenant_id === rootTenantId ? OFFERING_MAX_AGE_MS : undefined
  // None of these reads depends on another: one round trip, the first two usually from the client's cache.
  const [applications, available, enabledIds, current] = await Promise.all([
    client.applications.list({ maxAgeMs: OFFERING_MAX_AGE_MS }),
    client.offeringItems.availableForChild(input.parent_tenant_id, { kind: input.tenant_kind, maxAgeMs }),
    client.applications.listForTenant(input.tenant_id),
    client.offeringItems.list(input.tenant_id),
  ])
  const wanted = offeringItemsForTenant({
    available,
    applications,
    services: input.services,
    editions: input.editions,
    tenant_kind: input.tenant_kind,
    quotas: input.quotas,
    storage_infra_id: input.storage_infra_id,
  })

  const applicationIds = [...new Set(wanted.map((item) => item.application_id))]
  const enabled = new Set(enabledIds)
  const versionOf = new Map(current.map((item) => [`${item.name}@${item.infra_id ?? ""}`, item.quota?.version ?? 0]))
  const enabling = wanted.map(({ type: _type, ...item }) =>
    item.quota ? { ...item, quota: { ...item.quota, version: versionOf.get(`${item.name}@${item.infra_id ?? ""}`) ?? 0 } } : item
  )
  const keep = new Set([...input.editions, ...(input.keep_editions ?? [])])
  const clash = input.tenant_kind === "customer" ? editionClashes(available, [...keep])[0] : undefined
  if (clash) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Tenant ${input.tenant_id} would hold editions ${clash.editions.join(" and ")} of one service, and Acronis gives a customer ` +
        `tenant one edition per service: another active subscription of the tenant uses ${clash.editions.filter((e) => !input.editions.includes(e)).join(", ") || "one of them"}. ` +
        `Order the licensing model that subscription uses, or switch it first.`
    )
  }
  const turningOff =
    input.tenant_kind === "customer"
      ? current
          // A locked item's status cannot change (reference §6): it is left as it is.
          .filter((item) => item.status === 1 && !item.locked && item.edition && !keep.has(item.edition))
          .map((item) => ({ application_id: item.application_id, name: item.name, status: 0 as const, ...(item.infra_id ? { infra_id: item.infra_id } : {}) }))
      : []
  const updates = [...enabling, ...turningOff]
  // The bindings and the PUT go out together: the PUT turns on the services of the items it enables by itself.
  await Promise.all([
    mapBounded(applicationIds.filter((id) => !enabled.has(id)), BINDINGS_AT_ONCE, (id) => client.applications.enableForTenant(id, input.tenant_id)),
    updates.length ? client.offeringItems.update(input.tenant_id, updates) : undefined,
  ])

  return {
    application_ids: applicationIds,
    offering_items: enabling.map((item) => item.name),
    turned_off: turningOff.map((item) => item.name),
  }
}

/**
 * Gives a tenant its services and offering items from what its parent may give (`available_for_child`):
 * the chosen editions plus the edition-less items of its services, one storage per kind for a customer,
 * quotas from the offer (unlimited otherwise). Reads the services and the parent's offering (the root's
 * kept a minute), the tenant's services and its items (for their current quota versions: a stale one answers
 * 426) at once, then turns each missing service on while it sets the items in one PUT. On a customer tenant
 * the same PUT turns off (`status: 0`) every enabled item of another edition — e.g. `pg_base_*` left by an earlier,
 * cancelled order when this one chose per workload — so each service keeps one edition and its usage is
 * billed once; editions in `keep_editions` stay. Acronis refuses a customer tenant two editions of one service
 * (one edition per service), so turning the old edition off in the same PUT is what lets a switch succeed; and
 * when `keep_editions` would leave two editions of a service, the step refuses before asking Acronis. Without
 * `check_usage` Acronis turns off items that have usage too. Re-running converges to the same state, which is what makes it resumable.
 *
 * Kept, not compensated, when a later step fails: the tenant is kept for the next run, which sets the same
 * items again; items cost nothing until used.
 */
export const configureTenantOfferingItemsStep = createStep(
  configureTenantOfferingItemsStepId,
  async (input: ConfigureTenantOfferingItemsInput, { container }) => {
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const output = await configureTenantOfferingItems(acronis.getAcronisClient(), await acronis.getRootTenantId(), input)
    if (input.log) {
      await writeProvisioningLog(container, {
        ...input.log,
        outcome: "done",
        message:
          `editions ${input.editions.join(", ")}; ${output.offering_items.length} offering items in ${output.application_ids.length} services` +
          (output.turned_off.length ? `; turned off ${output.turned_off.join(", ")}` : ""),
      })
    }
    return new StepResponse(output)
  }
)
