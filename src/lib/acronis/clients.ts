import { enc, type AcronisHttp } from "./request"
import { apiClientSchema } from "./schemas"
import type { ApiClient } from "./types"

export class ClientsResource {
  constructor(
    private readonly http: AcronisHttp,
    private readonly ownClientId: string
  ) {}

  /** `GET /clients/{id}`; without an id, this API client. Its `tenant_id` is our root (partner) tenant. */
  get(clientId: string = this.ownClientId): Promise<ApiClient> {
    return this.http.json({ method: "GET", path: `/clients/${enc(clientId)}` }, apiClientSchema)
  }

  /** The tenant this API client belongs to: the root of everything the plugin creates. */
  async getRootTenantId(): Promise<string> {
    return (await this.get()).tenant_id
  }
}
