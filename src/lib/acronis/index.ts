import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { ApplicationsResource } from "./applications"
import { InfraResource } from "./infra"
import { TokenManager } from "./auth"
import { ReadCache } from "./cache"
import { ClientsResource } from "./clients"
import { OfferingItemsResource } from "./offering-items"
import { ReportsResource } from "./reports"
import { SearchResource } from "./search"
import { z } from "zod"
import { AcronisHttp, type CallSpec, type Logger } from "./request"
import { TenantsResource } from "./tenants"
import { UsagesResource } from "./usages"
import { UsersResource } from "./users"

export interface AcronisClientOptions {
  /** Datacenter URL without `/api/2`, e.g. "https://eu2-cloud.acronis.com" or "http://127.0.0.1:4010". */
  baseUrl: string
  clientId: string
  clientSecret: string
  /** Per HTTP attempt (so a retry gets a fresh budget); default 30000. */
  timeoutMs?: number
  /** Retries of a safe call after a 5xx, network error or timeout; default 2, as Acronis documents for 50x. 429s are waited out apart from these. */
  maxRetries?: number
  /** First back-off step; doubles per retry, with jitter (so 0.5–1 s, then 1–2 s: Acronis asks for 1–2 s); default 1000. */
  retryBaseDelayMs?: number
  /** Default "medusa-plugin-acronis/<version>". */
  userAgent?: string
  logger?: Logger
}

/**
 * Client for the Acronis Cyber Protect Cloud Account Management API v2, grouped by API area.
 * Every failure is an `AcronisApiError`; safe calls are retried with back-off, creates are not.
 */
export class AcronisClient {
  readonly clients: ClientsResource
  readonly tenants: TenantsResource
  readonly applications: ApplicationsResource
  readonly offeringItems: OfferingItemsResource
  readonly infra: InfraResource
  readonly users: UsersResource
  readonly usages: UsagesResource
  readonly reports: ReportsResource
  readonly search: SearchResource
  private readonly http: AcronisHttp
  private readonly readCache = new ReadCache()

  constructor(options: AcronisClientOptions) {
    if (!options.baseUrl) throw new Error("AcronisClient: baseUrl is required")
    if (!options.clientId || !options.clientSecret) throw new Error("AcronisClient: clientId and clientSecret are required")
    const http = new AcronisHttp({
      baseUrl: options.baseUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      retryBaseDelayMs: options.retryBaseDelayMs ?? 1_000,
      userAgent: options.userAgent ?? defaultUserAgent(),
      logger: options.logger,
    })
    http.useTokens(new TokenManager(http))
    this.http = http
    this.clients = new ClientsResource(http, options.clientId)
    this.tenants = new TenantsResource(http)
    this.applications = new ApplicationsResource(http, this.readCache)
    this.offeringItems = new OfferingItemsResource(http, this.readCache)
    this.infra = new InfraResource(http, this.readCache)
    this.users = new UsersResource(http)
    this.usages = new UsagesResource(http)
    this.reports = new ReportsResource(http)
    this.search = new SearchResource(http)
  }

  /** Forgets every answer kept for callers that passed `maxAgeMs`. */
  forgetCachedReads(): void {
    this.readCache.clear()
  }

  /**
   * For endpoints without a wrapper (MFA, brands, …): same auth, retries and errors. `path` is below
   * `/api/2` and already encoded. Without a schema the JSON body is returned unchecked (undefined for 204).
   */
  request<S extends z.ZodType>(spec: CallSpec, schema: S): Promise<z.output<S>>
  request(spec: CallSpec): Promise<unknown>
  async request(spec: CallSpec, schema?: z.ZodType): Promise<unknown> {
    if (schema) return this.http.json(spec, schema)
    const res = await this.http.call(spec)
    return res.body.length === 0 ? undefined : this.http.parse(spec, res, z.unknown())
  }
}

const PACKAGE_NAME = "medusa-plugin-acronis"
let userAgent: string | undefined

/** Finds our package.json walking up from this file (src/… in dev, .medusa/server/src/… when built). */
function defaultUserAgent(): string {
  if (userAgent) return userAgent
  let version = "unknown"
  let dir = __dirname
  for (let i = 0; i < 8; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string }
      if (pkg.name === PACKAGE_NAME && pkg.version) {
        version = pkg.version
        break
      }
    } catch {
      // no package.json here; keep walking up
    }
    const parent = dirname(dir)
    if (parent === dir) break
    dir = parent
  }
  userAgent = `${PACKAGE_NAME}/${version}`
  return userAgent
}

export { AcronisApiError, AcronisErrorCode, isAcronisApiError } from "./errors"
export type { AcronisErrorKind } from "./errors"
export type { CallSpec as AcronisRequestSpec, Logger as AcronisLogger, RetryPolicy } from "./request"
export type { WaitForStoredOptions } from "./reports"
export type { UsageQuery } from "./usages"
export * from "./types"
