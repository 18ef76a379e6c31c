import type { z } from "zod"
import type { ReadCache } from "./cache"
import type { AcronisHttp } from "./request"
import { infraBatchSchema, type infraSchema } from "./schemas"

export type Infra = z.output<typeof infraSchema>

export class InfraResource {
  constructor(
    private readonly http: AcronisHttp,
    private readonly cache: ReadCache
  ) {}

  /**
   * `GET /infra?uuids=…`: the storages behind the given ids (names to show a buyer). With `maxAgeMs`, an
   * answer read that recently (by this client) is reused.
   */
  batch(ids: string[], options: { maxAgeMs?: number } = {}): Promise<Infra[]> {
    if (!ids.length) return Promise.resolve([])
    const uuids = [...new Set(ids)].sort().join(",")
    return this.cache.get(`infra?uuids=${uuids}`, options.maxAgeMs, async () =>
      (await this.http.json({ method: "GET", path: "/infra", query: { uuids } }, infraBatchSchema)).items
    )
  }
}
