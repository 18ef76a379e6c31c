import type { ReadCache } from "./cache"
import { enc, type AcronisHttp } from "./request"
import { applicationListSchema, applicationSettingSchema, uuidListSchema } from "./schemas"
import type { Application } from "./types"

export class ApplicationsResource {
  constructor(
    private readonly http: AcronisHttp,
    private readonly cache: ReadCache
  ) {}

  /**
   * `GET /applications`: every service of the datacenter. Resolve ids by `type`, not by hard-coded uuid.
   * With `maxAgeMs`, an answer read that recently (by this client) is reused.
   */
  list(options: { maxAgeMs?: number } = {}): Promise<Application[]> {
    return this.cache.get("applications", options.maxAgeMs, async () =>
      (await this.http.json({ method: "GET", path: "/applications" }, applicationListSchema)).items
    )
  }

  /** `GET /tenants/{id}/applications`: ids of the services enabled for the tenant. */
  async listForTenant(tenantId: string): Promise<string[]> {
    const path = `/tenants/${enc(tenantId)}/applications`
    return (await this.http.json({ method: "GET", path }, uuidListSchema)).items
  }

  /**
   * `POST /applications/{app}/bindings/tenants/{tenant}` → 204. Retried like a PUT: it sets a state
   * (service on) rather than creating something countable.
   */
  async enableForTenant(applicationId: string, tenantId: string): Promise<void> {
    await this.http.noContent({ method: "POST", path: bindingPath(applicationId, tenantId), retry: "safe" })
  }

  /** `GET /applications/{app}/settings/tenants/{tenant}/{setting}`: a partner billing setting, own and effective. */
  async getTenantSetting(applicationId: string, tenantId: string, setting: string) {
    return this.http.json({ method: "GET", path: settingPath(applicationId, tenantId, setting) }, applicationSettingSchema)
  }

  /**
   * `PUT /applications/{app}/settings/tenants/{tenant}/{setting}` `{ value }`: e.g. a partner's commitment tier
   * (`tier_level_value` on the platform application). Setting a value again is harmless, so it is retried.
   */
  async setTenantSetting(applicationId: string, tenantId: string, setting: string, value: string | number | boolean) {
    return this.http.json(
      { method: "PUT", path: settingPath(applicationId, tenantId, setting), body: { value } },
      applicationSettingSchema
    )
  }

  /** `DELETE /applications/{app}/bindings/tenants/{tenant}` → 204. */
  async disableForTenant(applicationId: string, tenantId: string): Promise<void> {
    await this.http.noContent({ method: "DELETE", path: bindingPath(applicationId, tenantId) })
  }
}

function bindingPath(applicationId: string, tenantId: string): string {
  return `/applications/${enc(applicationId)}/bindings/tenants/${enc(tenantId)}`
}

function settingPath(applicationId: string, tenantId: string, setting: string): string {
  return `/applications/${enc(applicationId)}/settings/tenants/${enc(tenantId)}/${enc(setting)}`
}
