import { AcronisApiError, AcronisErrorCode } from "./errors"
import { enc, type AcronisHttp } from "./request"
import { tenantPageSchema, tenantPricingSchema, tenantSchema } from "./schemas"
import type { Page, Tenant, TenantCreateInput, TenantPricing, TenantPricingInput, TenantUpdateInput } from "./types"

/** `GET /tenants?uuids=` accepts at most 100 ids (spec). */
const UUIDS_PER_REQUEST = 100

export class TenantsResource {
  constructor(private readonly http: AcronisHttp) {}

  /**
   * `POST /tenants` → 201; new tenants start in trial. Not retried on failures that leave the outcome
   * unknown: on a `retryable` error look for the tenant (e.g. `iterateChildren(parent)`, matching
   * `customer_id`) before creating again; a second create with the same name answers 409/1004.
   */
  create(input: TenantCreateInput): Promise<Tenant> {
    return this.http.json({ method: "POST", path: "/tenants", body: input, retry: "create" }, tenantSchema)
  }

  /** `GET /tenants/{id}` → 404 `AcronisApiError` when it does not exist. */
  get(tenantId: string, options: { allowDeleted?: boolean } = {}): Promise<Tenant> {
    const query = { allow_deleted: options.allowDeleted }
    return this.http.json({ method: "GET", path: `/tenants/${enc(tenantId)}`, query }, tenantSchema)
  }

  /** `GET /tenants?uuids=`, split into requests of 100 ids. */
  async getMany(tenantIds: readonly string[]): Promise<Tenant[]> {
    const tenants: Tenant[] = []
    for (let i = 0; i < tenantIds.length; i += UUIDS_PER_REQUEST) {
      const uuids = tenantIds.slice(i, i + UUIDS_PER_REQUEST)
      const page = await this.http.json({ method: "GET", path: "/tenants", query: { uuids } }, tenantPageSchema)
      tenants.push(...page.items)
    }
    return tenants
  }

  /**
   * One page of direct children (`GET /tenants?parent_id=`, full objects). Pass the previous page's
   * `after` to continue; the cursor already encodes the filter, so `parent_id` is then not sent.
   */
  async listChildren(parentId: string, options: { limit?: number; after?: string } = {}): Promise<Page<Tenant>> {
    const query = options.after
      ? { after: options.after, limit: options.limit }
      : { parent_id: parentId, limit: options.limit }
    const page = await this.http.json({ method: "GET", path: "/tenants", query }, tenantPageSchema)
    const after = page.paging?.cursors?.after ?? undefined
    return { items: page.items, after: after && page.items.length > 0 ? after : undefined }
  }

  /** Every direct child of `parentId`, page by page. */
  async *iterateChildren(parentId: string, options: { pageSize?: number } = {}): AsyncGenerator<Tenant> {
    let after: string | undefined
    const seen = new Set<string>()
    do {
      const page = await this.listChildren(parentId, { limit: options.pageSize, after })
      yield* page.items
      // A cursor that repeats would loop forever; stop instead.
      if (page.after && seen.has(page.after)) return
      if (page.after) seen.add(page.after)
      after = page.after
    } while (after)
  }

  /** `PUT /tenants/{id}` with the current `version` → the tenant with its new version; stale → 409/1001. */
  update(tenantId: string, input: TenantUpdateInput): Promise<Tenant> {
    return this.http.json({ method: "PUT", path: `/tenants/${enc(tenantId)}`, body: input }, tenantSchema)
  }

  /** Turns the tenant on (reads the current version first). No request when it already is. */
  enable(tenantId: string): Promise<Tenant> {
    return this.setEnabled(tenantId, true)
  }

  /** Suspends the tenant: data kept, usage still billed. No request when it already is disabled. */
  disable(tenantId: string): Promise<Tenant> {
    return this.setEnabled(tenantId, false)
  }

  /** `DELETE /tenants/{id}?version=N` → 204. The tenant must be disabled first (else 400/1006). */
  async delete(tenantId: string, version: number): Promise<void> {
    await this.http.noContent({ method: "DELETE", path: `/tenants/${enc(tenantId)}`, query: { version } })
  }

  /**
   * Termination: disables the tenant, then deletes it with the version that left. Acronis deletes
   * asynchronously: the tenant shows `external_operation_status: "deleting"` and refuses writes with
   * 1011 until it is gone (404). So a tenant already being deleted, or gone, counts as done, and a repeat
   * (a retried DELETE whose first answer was lost, a second termination run) neither fails nor deletes
   * anything twice. Resolves to what the tenant is now.
   */
  async disableAndDelete(tenantId: string): Promise<"deleting" | "gone"> {
    const settled = (error: unknown): "deleting" | "gone" | undefined => {
      if (!(error instanceof AcronisApiError)) return undefined
      if (error.hasCode(AcronisErrorCode.DeprovisioningInProgress)) return "deleting"
      return error.status === 404 ? "gone" : undefined
    }
    try {
      const current = await this.get(tenantId)
      if (current.external_operation_status === "deleting") return "deleting"
      const disabled = current.enabled ? await this.disable(tenantId) : current
      await this.delete(tenantId, disabled.version)
      return "deleting"
    } catch (error) {
      const outcome = settled(error)
      if (outcome) return outcome
      throw error
    }
  }

  /** `GET /tenants/{id}/pricing`: mode (trial|production|suspended) and the version to send back. */
  getPricing(tenantId: string): Promise<TenantPricing> {
    return this.http.json({ method: "GET", path: `/tenants/${enc(tenantId)}/pricing` }, tenantPricingSchema)
  }

  /** `PUT /tenants/{id}/pricing`. Trial → production is one-way. */
  setPricing(tenantId: string, input: TenantPricingInput): Promise<TenantPricing> {
    const body: Record<string, unknown> = { mode: input.mode, version: input.version }
    if (input.currency !== undefined) body.currency = input.currency
    return this.http.json({ method: "PUT", path: `/tenants/${enc(tenantId)}/pricing`, body }, tenantPricingSchema)
  }

  private async setEnabled(tenantId: string, enabled: boolean): Promise<Tenant> {
    // The intent ("be enabled") does not depend on the version, so one stale-version race is re-read and retried.
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(tenantId)
      if (current.enabled === enabled) return current
      try {
        return await this.update(tenantId, { version: current.version, enabled })
      } catch (error) {
        const stale = error instanceof AcronisApiError && error.hasCode(AcronisErrorCode.VersionMismatch)
        if (!stale || attempt >= 2) throw error
      }
    }
  }
}
