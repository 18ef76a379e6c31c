import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { Usage } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import type { SyncableSubscription } from "./load-syncable-subscriptions"

export type TenantUsageResult =
  | { subscription_id: string; tenant_id: string; ok: true; usages: Usage[]; pricing_mode: "trial" | "production" }
  | { subscription_id: string; tenant_id: string; ok: false; error: { message: string; http_status: number | null; code: string | null } }

export type FetchTenantUsagesOutput = { synced_at: string; results: TenantUsageResult[] }

export const fetchTenantUsagesStepId = "fetch-tenant-usages"

function describe(error: unknown) {
  const e = error as { message?: string; status?: number; httpStatus?: number; code?: string | number }
  return {
    message: e?.message ?? String(error),
    http_status: e?.status ?? e?.httpStatus ?? null,
    code: e?.code === undefined || e?.code === null ? null : String(e.code),
  }
}

/**
 * Current-period usage of many tenants per call (`GET /tenants/usages`, 100 tenants a request). When a batch
 * fails, its tenants are asked one by one, so one bad tenant (deleted, not ours) fails alone.
 */
export const fetchTenantUsagesStep = createStep(
  fetchTenantUsagesStepId,
  async (subscriptions: SyncableSubscription[], { container }) => {
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    const syncedAt = new Date().toISOString()
    const tenantIds = [...new Set(subscriptions.map((s) => s.tenant_id))]
    const byTenant = new Map<string, { ok: true; usages: Usage[] } | { ok: false; error: ReturnType<typeof describe> }>()

    for (let i = 0; i < tenantIds.length; i += 100) {
      const batch = tenantIds.slice(i, i + 100)
      try {
        for (const { tenant, usages } of await client.usages.listForTenants(batch)) byTenant.set(tenant, { ok: true, usages })
      } catch {
        for (const tenant of batch) {
          try {
            byTenant.set(tenant, { ok: true, usages: await client.usages.listForTenant(tenant) })
          } catch (error) {
            byTenant.set(tenant, { ok: false, error: describe(error) })
          }
        }
      }
    }
    const results = subscriptions.map((s): TenantUsageResult => {
      const found = byTenant.get(s.tenant_id) ?? { ok: false as const, error: { message: "Acronis returned no usage for this tenant", http_status: null, code: null } }
      return found.ok
        ? { subscription_id: s.id, tenant_id: s.tenant_id, ok: true, usages: found.usages, pricing_mode: s.pricing_mode }
        : { subscription_id: s.id, tenant_id: s.tenant_id, ok: false, error: found.error }
    })
    return new StepResponse<FetchTenantUsagesOutput>({ synced_at: syncedAt, results })
  }
)
