import { type AcronisHttp } from "./request"
import { searchResultListSchema } from "./schemas"
import type { SearchResult } from "./types"

export class SearchResource {
  constructor(private readonly http: AcronisHttp) {}

  /**
   * `GET /search?tenant=&text=`: tenants (by name, contact name or e-mail) and users (by login, e-mail or
   * name) anywhere below `tenantId`, case-insensitively, at most `limit` of them (the API's default is 10).
   */
  async find(tenantId: string, text: string, options: { limit?: number; allowDeleted?: boolean } = {}): Promise<SearchResult[]> {
    const query = { tenant: tenantId, text, limit: options.limit, allow_deleted: options.allowDeleted }
    return (await this.http.json({ method: "GET", path: "/search", query }, searchResultListSchema)).items
  }
}
