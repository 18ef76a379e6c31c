import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { utcDay } from "../../../modules/acronis-billing/domain/period"
import type { FetchTenantUsagesOutput } from "./fetch-tenant-usages"

export const saveUsageSnapshotsStepId = "save-usage-snapshots"

const keyOf = (s: { subscription_id: string; offering_item: string; infra_id: string }) =>
  `${s.subscription_id}|${s.offering_item}|${s.infra_id}`

/**
 * Stores each tenant's usage as that UTC day's snapshot per offering item and storage. A snapshot already
 * there for the day is replaced, never added to, so syncing hourly leaves one row per day with the
 * latest value. Features (no measurement) are not usage and are skipped.
 */
export const saveUsageSnapshotsStep = createStep(
  saveUsageSnapshotsStepId,
  async (input: FetchTenantUsagesOutput, { container }) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const day = utcDay(new Date(input.synced_at))
    const syncedAt = new Date(input.synced_at)
    const rows = input.results.flatMap((result) =>
      result.ok
        ? result.usages
            .filter((u) => u.type !== "feature" && u.measurement_unit !== "n/a")
            .map((u) => ({
              subscription_id: result.subscription_id,
              tenant_id: result.tenant_id,
              offering_item: u.name,
              edition: u.edition ?? null,
              infra_id: u.infra_id ?? "",
              measurement_unit: u.measurement_unit,
              day,
              value: BigInt(u.value).toString(),
              absolute_value: BigInt(u.absolute_value ?? u.value).toString(),
              pricing_mode: result.pricing_mode,
              synced_at: syncedAt,
            }))
        : []
    )
    if (!rows.length) return new StepResponse({ created: 0, replaced: 0 })

    const existing = await billing.listAcronisUsageSnapshots(
      { subscription_id: [...new Set(rows.map((r) => r.subscription_id))], day },
      { select: ["id", "subscription_id", "offering_item", "infra_id"], take: null }
    )
    const idByKey = new Map(existing.map((s) => [keyOf(s), s.id]))
    const updates = rows.filter((r) => idByKey.has(keyOf(r))).map((r) => ({ id: idByKey.get(keyOf(r))!, value: r.value, absolute_value: r.absolute_value, synced_at: r.synced_at, edition: r.edition, measurement_unit: r.measurement_unit, pricing_mode: r.pricing_mode }))
    const creates = rows.filter((r) => !idByKey.has(keyOf(r)))
    if (updates.length) await billing.updateAcronisUsageSnapshots(updates)
    if (creates.length) await billing.createAcronisUsageSnapshots(creates)
    return new StepResponse({ created: creates.length, replaced: updates.length })
  }
)
