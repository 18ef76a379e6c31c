/** Which offering items a tenant sees, and the offering item object as the API shows it. */
import { OFFERING_ITEMS, offeringItemKey, type OfferingItemDef } from "./catalogue"
import type { SandboxContext } from "./context"
import type { OfferingItemRecord, TenantRecord } from "./state"
import { isRoot } from "./tenancy"

export interface OfferingItemEntry {
  key: string
  def: OfferingItemDef
  record: OfferingItemRecord
}

const keyOf = (def: OfferingItemDef) => offeringItemKey(def.name, def.infra_id)

/** Keys a tenant may enable: what its parent has enabled; the root partner may enable the whole catalogue. */
export function availableKeys(ctx: SandboxContext, tenant: TenantRecord): Set<string> {
  if (isRoot(ctx, tenant)) return new Set(OFFERING_ITEMS.map(keyOf))
  const parentItems = ctx.state.offering_items[tenant.parent_id] ?? {}
  return new Set(Object.keys(parentItems).filter((key) => parentItems[key].status === 1))
}

/** The tenant's items in catalogue order: everything it may enable (status 0 until set) plus what it has. */
export function tenantOfferingItems(ctx: SandboxContext, tenant: TenantRecord): OfferingItemEntry[] {
  const own = ctx.state.offering_items[tenant.id] ?? {}
  const available = availableKeys(ctx, tenant)
  return OFFERING_ITEMS.map((def) => ({ key: keyOf(def), def }))
    .filter(({ key }) => own[key] || available.has(key))
    .map(({ key, def }) => ({ key, def, record: own[key] ?? { status: 0, updated_at: tenant.created_at } }))
}

/** Editions filter as the spec says: default `standard`, `*` for all; items without edition always pass. */
export function matchesEdition(def: OfferingItemDef, edition: string | null): boolean {
  const wanted = edition ?? "standard"
  return wanted === "*" || def.edition === null || def.edition === wanted
}

export function offeringItemView(tenantId: string, { def, record }: OfferingItemEntry): Record<string, unknown> {
  const view: Record<string, unknown> = {
    application_id: def.application_id,
    name: def.name,
    edition: def.edition,
    usage_name: def.usage_name,
    tenant_id: tenantId,
    updated_at: record.updated_at,
    deleted_at: null,
    status: record.status,
    type: def.type,
    measurement_unit: def.measurement_unit,
  }
  if (def.type !== "feature") view.locked = false
  if (def.infra_id) view.infra_id = def.infra_id
  // Disabled items carry no quota key at all.
  if (record.status === 1 && record.quota) view.quota = record.quota
  return view
}
