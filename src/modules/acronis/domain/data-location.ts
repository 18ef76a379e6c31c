import { MedusaError } from "@medusajs/framework/utils"
import type { OfferingItem, OfferingItemUpdate, Usage } from "../../../lib/acronis"
import type { PlanOrder } from "./plan-terms"

/**
 * Moving a cloud plan's data location: the tenant's backup storage items from one storage (`infra_id`) to
 * another. The data location is permanent for the buyer; staff may move it only while the tenant stores
 * nothing there, because Acronis changes a tenant's storage only while its usage is 0. Pure: the caller reads
 * the live data locations, the tenant's items and its usage from Acronis.
 */
export type DataLocationOption = { id: string; name: string; offering_items: string[] }

export type DataLocationMoveInput = {
  subscription: { id: string; type: string; status: string; tenant_id: string | null; metadata?: Record<string, unknown> | null }
  /** The storage asked for (`infra_id`). */
  requested: string
  /** The backup storages the plan's parent can hand down now (`getDataLocations`). */
  locations: DataLocationOption[]
  /** The tenant's offering items, as Acronis lists them now. */
  tenant_items: Pick<OfferingItem, "application_id" | "name" | "type" | "infra_id" | "status" | "quota">[]
  /** The tenant's usage now (`GET /tenants/{id}/usages`). */
  usages: Pick<Usage, "name" | "infra_id" | "value">[]
}

export type DataLocationMove = {
  outcome: "moved" | "unchanged"
  from: { id: string | null; name: string | null }
  to: { id: string; name: string }
  /** Bytes the tenant stores on the storage items that move (0, or the move is refused). */
  storage_usage: number
  /** The PUT that moves the storage: the old items off, the same items on the new storage with their quotas. */
  turn_off: OfferingItemUpdate[]
  turn_on: OfferingItemUpdate[]
}

const invalid = (reason: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `data_location: ${reason}`)

/**
 * The order form of an active cloud plan ordered with one, whose tenant exists, or why its data location
 * cannot move (400 naming `data_location`). Needs nothing from Acronis, so it is checked before asking.
 */
export function movablePlanOrderOf(subscription: DataLocationMoveInput["subscription"]): PlanOrder {
  const order = subscription.metadata?.plan_order as PlanOrder | undefined
  if (subscription.type !== "plan" || !order) {
    throw invalid(`${subscription.id} is not a plan ordered with its order form: it has no data location to change.`)
  }
  if (order.deployment !== "cloud") {
    throw invalid(`${subscription.id} is a SaaS plan: it has no data location to change.`)
  }
  if (subscription.status !== "active" || !subscription.tenant_id) {
    throw invalid(`${subscription.id} is ${subscription.status}: only an active subscription's tenant can move its storage.`)
  }
  return order
}

/** The storage asked for among those the plan's parent offers now, or a 400 naming `data_location`. */
export function offeredLocation(locations: DataLocationOption[], requested: string): DataLocationOption {
  const target = locations.find((location) => location.id === requested)
  if (!target) {
    throw invalid(
      `${requested} is not a storage this plan can use; choose one of ${locations.map((l) => `${l.id} (${l.name})`).join(", ") || "none (Acronis offers no backup storage now)"}.`
    )
  }
  return target
}

/**
 * What moving the data location to `requested` does, or why not (400 naming `data_location`): refused for a
 * subscription that is not an active cloud plan with a form, a storage the plan's parent does not offer, a
 * storage that lacks one of the tenant's storage items, and a tenant with usage on the storage it leaves.
 * Asking for the location it already has changes nothing.
 */
export function planDataLocationMove(input: DataLocationMoveInput): DataLocationMove {
  const { subscription, requested, locations } = input
  const order = movablePlanOrderOf(subscription)
  const target = offeredLocation(locations, requested)
  const nameOf = (id: string | null) => locations.find((location) => location.id === id)?.name ?? id
  const from = { id: order.data_location, name: nameOf(order.data_location) }
  const to = { id: target.id, name: target.name }
  // The tenant's storage items: its enabled items on any backup storage the parent offers, or on the one it has.
  const storages = new Set([...locations.map((location) => location.id), ...(order.data_location ? [order.data_location] : [])])
  const moving = input.tenant_items.filter((item) => item.status === 1 && item.infra_id && storages.has(item.infra_id) && item.infra_id !== target.id)
  if (!moving.length) {
    return { outcome: order.data_location === target.id ? "unchanged" : "moved", from, to, storage_usage: 0, turn_off: [], turn_on: [] }
  }
  const storageUsage = moving.reduce(
    (sum, item) => sum + input.usages.filter((usage) => usage.name === item.name && usage.infra_id === item.infra_id).reduce((s, usage) => s + usage.value, 0),
    0
  )
  if (storageUsage > 0) {
    throw invalid(
      `the tenant already stores ${storageUsage} bytes in ${nameOf(moving[0].infra_id!)}; Acronis changes a tenant's storage only while its usage is 0, so its data stays there.`
    )
  }
  const missing = moving.find((item) => !target.offering_items.includes(item.name))
  if (missing) {
    throw invalid(`${target.name} does not offer ${missing.name}, which the tenant uses; choose a storage that does.`)
  }
  return {
    outcome: "moved",
    from,
    to,
    storage_usage: 0,
    turn_off: moving.map((item) => ({ application_id: item.application_id, name: item.name, infra_id: item.infra_id!, status: 0 as const })),
    turn_on: moving.map((item) => ({
      application_id: item.application_id,
      name: item.name,
      infra_id: target.id,
      status: 1 as const,
      // Not enabled there yet: no quota version to match.
      ...(item.quota && { quota: { value: item.quota.value, overage: item.quota.overage, version: 0 } }),
    })),
  }
}
