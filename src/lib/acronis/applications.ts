import { enc, type AcronisHttp } from "./request"
import { applicationListSchema, uuidListSchema } from "./schemas"
import type { Application } from "./types"

export class ApplicationsResource {
  constructor(private readonly http: AcronisHttp) {}

  /** `GET /applications`: every service of the datacenter. Resolve ids by `type`, not by hard-coded uuid. */
  async list(): Promise<Application[]> {
    return (await this.http.json({ method: "GET", path: "/applications" }, applicationListSchema)).items
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

  /** `DELETE /applications/{app}/bindings/tenants/{tenant}` → 204. */
  async disableForTenant(applicationId: string, tenantId: string): Promise<void> {
    await this.http.noContent({ method: "DELETE", path: bindingPath(applicationId, tenantId) })
  }
}

function bindingPath(applicationId: string, tenantId: string): string {
  return `/applications/${enc(applicationId)}/bindings/tenants/${enc(tenantId)}`
}
