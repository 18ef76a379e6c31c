import type { ReadCache } from "./cache"
import { enc, type AcronisHttp } from "./request"
import { offeringItemListSchema } from "./schemas"
import type { OfferingItem, OfferingItemQuery, OfferingItemUpdate, TenantKind } from "./types"

/** The API defaults to `standard` (a legacy edition); asking for every edition is what callers mean. */
const ALL_EDITIONS = "*"

export class OfferingItemsResource {
  constructor(
    private readonly http: AcronisHttp,
    private readonly cache: ReadCache
  ) {}

  /** `GET /tenants/{id}/offering_items`. Disabled items come without `quota`. */
  async list(tenantId: string, query: OfferingItemQuery = {}): Promise<OfferingItem[]> {
    const res = await this.http.json(
      {
        method: "GET",
        path: `/tenants/${enc(tenantId)}/offering_items`,
        query: {
          edition: query.edition ?? ALL_EDITIONS,
          usage_names: query.usage_names,
          status: query.status,
          type: query.type,
        },
      },
      offeringItemListSchema
    )
    return res.items
  }

  /**
   * `GET /tenants/{parent}/offering_items/available_for_child`: what the parent may give a child of `kind`.
   * With `maxAgeMs`, an answer read that recently (by this client) is reused.
   */
  availableForChild(
    parentTenantId: string,
    options: { kind: TenantKind; edition?: string; maxAgeMs?: number }
  ): Promise<OfferingItem[]> {
    const query = { kind: options.kind, edition: options.edition ?? ALL_EDITIONS }
    const path = `/tenants/${enc(parentTenantId)}/offering_items/available_for_child`
    return this.cache.get(`${path}?kind=${query.kind}&edition=${query.edition}`, options.maxAgeMs, async () =>
      (await this.http.json({ method: "GET", path, query }, offeringItemListSchema)).items
    )
  }

  /**
   * `PUT /tenants/{id}/offering_items`: only the listed items change. Send `quota.version` from a fresh
   * `list`; a stale one answers 426. Items the parent lacks answer 400/1021.
   */
  async update(
    tenantId: string,
    items: readonly OfferingItemUpdate[],
    options: { checkUsage?: boolean } = {}
  ): Promise<OfferingItem[]> {
    const body: Record<string, unknown> = { offering_items: items }
    if (options.checkUsage !== undefined) body.check_usage = options.checkUsage
    const res = await this.http.json(
      { method: "PUT", path: `/tenants/${enc(tenantId)}/offering_items`, body },
      offeringItemListSchema
    )
    return res.items
  }
}
