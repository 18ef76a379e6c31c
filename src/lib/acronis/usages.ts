import { enc, type AcronisHttp } from "./request"
import { batchUsageListSchema, tenantUsageListSchema } from "./schemas"
import type { TenantUsages, Usage } from "./types"

/** Tenants per `GET /tenants/usages` request: keeps URLs short (≈3.7 kB), same bound as `uuids`. */
const TENANTS_PER_REQUEST = 100

export interface UsageQuery {
  usage_names?: readonly string[]
  /** Narrows the editions; by default every documented edition is named. */
  editions?: readonly string[]
}

/**
 * Every edition Acronis documents (offering-item page: the billing modes, then the legacy editions; `bundled` is
 * solution-based licensing). Usage reads name them all because a read that names none gets the legacy `standard`
 * edition only, without a single per-workload or per-gigabyte usage. Edition-less usages come back regardless.
 */
export const DOCUMENTED_EDITIONS: readonly string[] = [
  "pck_per_workload",
  "pck_per_gigabyte",
  "bundled",
  "fss_per_user",
  "fss_per_gigabyte",
  "fss_legacy",
  "standard",
  "advanced",
  "disaster_recovery",
  "cyber_protect_std",
  "cyber_protect_adv",
  "cyber_protect_dre",
  "per_workload",
  "per_gigabyte",
]

/** Current-period usage (refreshed every few hours). For invoicing use `reports`. */
export class UsagesResource {
  constructor(private readonly http: AcronisHttp) {}

  /** `GET /tenants/usages?tenants=…`, split into requests of 100 tenants. */
  async listForTenants(tenantIds: readonly string[], query: UsageQuery = {}): Promise<TenantUsages[]> {
    const out: TenantUsages[] = []
    for (let i = 0; i < tenantIds.length; i += TENANTS_PER_REQUEST) {
      const tenants = tenantIds.slice(i, i + TENANTS_PER_REQUEST)
      const res = await this.http.json(
        {
          method: "GET",
          path: "/tenants/usages",
          query: { tenants, usage_names: query.usage_names, editions: query.editions ?? DOCUMENTED_EDITIONS },
        },
        batchUsageListSchema
      )
      out.push(...res.items)
    }
    return out
  }

  /** `GET /tenants/{id}/usages`. */
  async listForTenant(tenantId: string, query: UsageQuery = {}): Promise<Usage[]> {
    const res = await this.http.json(
      {
        method: "GET",
        path: `/tenants/${enc(tenantId)}/usages`,
        query: { usage_names: query.usage_names, editions: query.editions ?? DOCUMENTED_EDITIONS },
      },
      tenantUsageListSchema
    )
    return res.items
  }
}
