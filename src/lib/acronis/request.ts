import type { z } from "zod"
import { AcronisApiError } from "./errors"
import { describeZodError, errorBodySchema } from "./schemas"

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE"

/**
 * How a call may be repeated after a failure that leaves its effect unknown.
 * - `safe`: repeating cannot do harm (GET, PUT, DELETE, the token call, POSTs that set a state).
 *   Retried on 500/502/503/504, network errors and timeouts, `maxRetries` times (default 2: Acronis
 *   documents "retry the request twice with a 1-2 seconds interval" for 50x), and on 429.
 *   PUT and DELETE carry the object's `version`, so a repeat of an applied write is refused (409), not
 *   applied twice.
 * - `create`: repeating could create a second object (POST tenant/user/report). Retried only on 429,
 *   which means the server refused the request before doing anything; everything else is thrown with
 *   `retryable` so the caller can look for what was created before trying again.
 *
 * A 429 is retried for every call after its Retry-After, on a budget of its own (`RATE_LIMIT_RETRIES`):
 * waiting out a rate limit says nothing about the server's health, so it does not use up `maxRetries`.
 */
export type RetryPolicy = "safe" | "create"

export type QueryValue = string | number | boolean | readonly string[] | undefined | null

export interface CallSpec {
  method: HttpMethod
  /** Path below `/api/2`, already URL-encoded, e.g. `/tenants/${id}`. */
  path: string
  query?: Record<string, QueryValue>
  /** JSON body. */
  body?: unknown
  /** Form body (only `/idp/token`). */
  form?: Record<string, string>
  /** Statuses that count as success; default: any 2xx. */
  okStatuses?: readonly number[]
  /** Defaults to `safe` for GET/PUT/DELETE and `create` for POST. */
  retry?: RetryPolicy
  /** `bearer` (default) uses the cached token; `basic` sends the client credentials (token call). */
  auth?: "bearer" | "basic"
  /** Accept header; default `application/json`. */
  accept?: string
}

export interface RawResponse {
  status: number
  headers: Headers
  body: Buffer
}

export interface Logger {
  debug?(msg: string): void
  warn?(msg: string): void
}

export interface HttpConfig {
  baseUrl: string
  clientId: string
  clientSecret: string
  timeoutMs: number
  maxRetries: number
  retryBaseDelayMs: number
  userAgent: string
  logger?: Logger
}

/** Supplies bearer tokens; implemented by `TokenManager` in auth.ts. */
export interface TokenSource {
  get(): Promise<string>
  /** Drop `token` if it is still the cached one (so concurrent 401s renew once). */
  invalidate(token: string): void
  /** Values that must never appear in an error or log line. */
  secrets(): string[]
}

/** Encodes one path segment (ids come from callers and API answers). */
export const enc = (segment: string): string => encodeURIComponent(segment)

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])
/** 429s waited out per call before the error is thrown; each wait is at most `MAX_RETRY_AFTER_MS`. */
const RATE_LIMIT_RETRIES = 5
/** A 429 without Retry-After: wait this long (Acronis declares Retry-After in seconds where it declares 429). */
const DEFAULT_RATE_LIMIT_WAIT_MS = 1_000
const MAX_BACKOFF_MS = 20_000
/** A Retry-After longer than this is not waited for: the error is thrown with `retryAfterMs`. */
const MAX_RETRY_AFTER_MS = 60_000

/** Platform codes whose fix is known; appended to messages so they say what to do next. */
const HINTS: Record<string, string> = {
  "1001": "re-read the object and send its current version",
  "1004": "another tenant with this name exists in the hierarchy; pick another name or reuse it",
  "1006": "disable the tenant first, re-read its version, then delete",
  "1011": "the tenant is being deleted; it answers 404 once the deletion is done",
  "1021": "the parent tenant does not have this offering item; enable it on the parent first",
  "1023": "enable the offering items this one depends on in the same request",
}

/**
 * The request core: URL building, headers, bearer auth with one re-authentication on 401,
 * per-attempt timeouts, retries with exponential back-off and jitter, and conversion of every
 * failure into an `AcronisApiError`.
 */
export class AcronisHttp {
  private tokens?: TokenSource
  private readonly apiRoot: string

  constructor(private readonly config: HttpConfig) {
    // Accept the datacenter URL with or without a trailing "/api/2".
    this.apiRoot = config.baseUrl.replace(/\/+$/, "").replace(/\/api\/2$/, "") + "/api/2"
  }

  useTokens(tokens: TokenSource): void {
    this.tokens = tokens
  }

  /** Calls the API and parses the JSON body with `schema`. */
  async json<S extends z.ZodType>(spec: CallSpec, schema: S): Promise<z.output<S>> {
    const res = await this.call(spec)
    return this.parse(spec, res, schema)
  }

  /** Calls an endpoint that answers without a body (204). Returns the status. */
  async noContent(spec: CallSpec): Promise<number> {
    const res = await this.call(spec)
    return res.status
  }

  parse<S extends z.ZodType>(spec: CallSpec, res: RawResponse, schema: S): z.output<S> {
    let data: unknown
    try {
      data = JSON.parse(res.body.toString("utf8"))
    } catch {
      throw this.invalidResponse(spec, `body is not JSON (status ${res.status})`, res.status)
    }
    const parsed = schema.safeParse(data)
    if (!parsed.success) throw this.invalidResponse(spec, describeZodError(parsed.error), res.status)
    return parsed.data
  }

  /** `status` is the HTTP status of the answer that did not parse (0 when unknown). */
  invalidResponse(spec: CallSpec, what: string, status = 0): AcronisApiError {
    const path = this.fullPath(spec.path)
    return new AcronisApiError({
      kind: "invalid_response",
      status,
      message: this.redact(`Unexpected response from Acronis ${spec.method} ${path}: ${what}`),
      method: spec.method,
      path,
    })
  }

  async call(spec: CallSpec): Promise<RawResponse> {
    const policy: RetryPolicy = spec.retry ?? (spec.method === "POST" ? "create" : "safe")
    const okStatuses = spec.okStatuses
    let retriesUsed = 0
    let rateLimitWaits = 0
    let attempts = 0
    let reauthenticated = false

    for (;;) {
      attempts++
      const token = spec.auth === "basic" ? undefined : await this.bearer()
      const started = Date.now()
      let error: AcronisApiError
      try {
        const res = await this.attempt(spec, token)
        const ok = okStatuses ? okStatuses.includes(res.status) : res.status >= 200 && res.status < 300
        this.config.logger?.debug?.(
          `acronis ${spec.method} ${this.fullPath(spec.path)} -> ${res.status} (attempt ${attempts}, ${Date.now() - started} ms)`
        )
        if (ok) return res
        if (res.status === 401 && token !== undefined && !reauthenticated && this.tokens) {
          // Expired or revoked token: the request was rejected before anything happened, so one
          // renewal and one more try is safe for every call (reference §2, WHMCS behaviour).
          reauthenticated = true
          this.tokens.invalidate(token)
          continue
        }
        error = this.httpError(spec, res, attempts)
      } catch (thrown) {
        if (thrown instanceof AcronisApiError) throw thrown
        error = this.transportError(spec, thrown, attempts)
      }

      if (error.status === 429) {
        const wait = this.rateLimitWait(error, rateLimitWaits)
        if (wait === undefined) throw error
        rateLimitWaits++
        this.config.logger?.warn?.(
          `acronis ${spec.method} ${error.path} rate limited (429); waiting ${wait} ms, then try ${rateLimitWaits}/${RATE_LIMIT_RETRIES}`
        )
        await sleep(wait)
        continue
      }
      const delay = this.retryDelay(error, policy, retriesUsed)
      if (delay === undefined) throw error
      retriesUsed++
      this.config.logger?.warn?.(
        `acronis ${spec.method} ${error.path} failed (${error.kind} ${error.status || ""}); retry ${retriesUsed}/${this.config.maxRetries} in ${delay} ms`
      )
      await sleep(delay)
    }
  }

  private async bearer(): Promise<string> {
    if (!this.tokens) throw new Error("AcronisHttp: no token source configured")
    return this.tokens.get()
  }

  /** One HTTP exchange; the timeout covers the whole exchange including reading the body. */
  private async attempt(spec: CallSpec, token: string | undefined): Promise<RawResponse> {
    const headers: Record<string, string> = {
      Accept: spec.accept ?? "application/json",
      "User-Agent": this.config.userAgent,
    }
    let body: string | undefined
    if (spec.form) {
      headers["Content-Type"] = "application/x-www-form-urlencoded"
      body = new URLSearchParams(spec.form).toString()
    } else if (spec.body !== undefined) {
      headers["Content-Type"] = "application/json"
      body = JSON.stringify(spec.body)
    }
    if (spec.auth === "basic") {
      const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString("base64")
      headers.Authorization = `Basic ${basic}`
    } else if (token !== undefined) {
      headers.Authorization = `Bearer ${token}`
    }

    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new TimeoutSignal()), this.config.timeoutMs)
    try {
      const res = await fetch(this.url(spec), { method: spec.method, headers, body, signal: controller.signal })
      const buf = Buffer.from(await res.arrayBuffer())
      return { status: res.status, headers: res.headers, body: buf }
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof TimeoutSignal) {
        throw new TimeoutSignal()
      }
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  /** A 429 was refused before anything happened, so every call may wait it out; undefined when it must be thrown. */
  private rateLimitWait(error: AcronisApiError, waited: number): number | undefined {
    if (waited >= RATE_LIMIT_RETRIES) return undefined
    const wait = error.retryAfterMs ?? DEFAULT_RATE_LIMIT_WAIT_MS
    return wait <= MAX_RETRY_AFTER_MS ? wait : undefined
  }

  /** Milliseconds to wait before the next try of a 5xx, network error or timeout, or undefined when it must be thrown. */
  private retryDelay(error: AcronisApiError, policy: RetryPolicy, retriesUsed: number): number | undefined {
    if (!error.retryable || retriesUsed >= this.config.maxRetries) return undefined
    if (policy === "create") return undefined
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= MAX_RETRY_AFTER_MS ? error.retryAfterMs : undefined
    }
    const exp = Math.min(MAX_BACKOFF_MS, this.config.retryBaseDelayMs * 2 ** retriesUsed)
    // "Equal jitter": keeps a floor so retries never hammer, spreads concurrent callers apart.
    return Math.round(exp / 2 + Math.random() * (exp / 2))
  }

  private httpError(spec: CallSpec, res: RawResponse, attempts: number): AcronisApiError {
    const path = this.fullPath(spec.path)
    const parsed = parseErrorBody(res.body)
    const code = parsed?.code
    const hint = code !== undefined ? HINTS[String(code)] : undefined
    const text = parsed?.message ?? (res.status === 429 ? "too many requests" : `HTTP ${res.status}`)
    const message =
      `Acronis ${spec.method} ${path} failed with ${res.status}` +
      (code !== undefined && String(code) !== String(res.status) ? ` (code ${code})` : "") +
      `: ${text}` +
      (hint ? ` — ${hint}` : "")
    return new AcronisApiError({
      kind: "http",
      message: this.redact(message),
      status: res.status,
      code,
      domain: parsed?.domain,
      details: parsed?.details !== undefined ? this.redact(parsed.details) : undefined,
      context: parsed?.context ? this.redactObject(parsed.context) : undefined,
      method: spec.method,
      path,
      retryable: RETRYABLE_STATUSES.has(res.status),
      retryAfterMs: res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get("retry-after")) : undefined,
      attempts,
    })
  }

  private transportError(spec: CallSpec, thrown: unknown, attempts: number): AcronisApiError {
    const path = this.fullPath(spec.path)
    if (thrown instanceof TimeoutSignal) {
      return new AcronisApiError({
        kind: "timeout",
        message: `Acronis ${spec.method} ${path} timed out after ${this.config.timeoutMs} ms`,
        method: spec.method,
        path,
        retryable: true,
        attempts,
      })
    }
    return new AcronisApiError({
      kind: "network",
      message: this.redact(`Acronis ${spec.method} ${path} failed: network error (${describeNetworkError(thrown)})`),
      method: spec.method,
      path,
      retryable: true,
      attempts,
    })
  }

  private url(spec: CallSpec): string {
    const params = new URLSearchParams()
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value === undefined || value === null) continue
      params.set(key, Array.isArray(value) ? value.join(",") : String(value))
    }
    const qs = params.toString()
    return `${this.apiRoot}${spec.path}${qs ? `?${qs}` : ""}`
  }

  private fullPath(path: string): string {
    return `/api/2${path}`
  }

  private secrets(): string[] {
    const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString("base64")
    return [this.config.clientSecret, basic, ...(this.tokens?.secrets() ?? [])].filter((s) => s.length >= 6)
  }

  /** Server messages are echoed into errors; strip anything secret they might quote back. */
  redact(text: string): string {
    let out = text
    for (const secret of this.secrets()) out = out.split(secret).join("[redacted]")
    return out
  }

  private redactObject(value: Record<string, unknown>): Record<string, unknown> {
    return JSON.parse(this.redact(JSON.stringify(value))) as Record<string, unknown>
  }
}

/** Marker used as the abort reason so a timeout is told apart from other aborts and socket errors. */
class TimeoutSignal extends Error {
  constructor() {
    super("timeout")
  }
}

interface ParsedErrorBody {
  code?: string | number
  message?: string
  domain?: string
  details?: string
  context?: Record<string, unknown>
}

/** Reads both the platform `errorScheme` and the OAuth error shape of `/idp/token`. */
function parseErrorBody(body: Buffer): ParsedErrorBody | undefined {
  let json: unknown
  try {
    json = JSON.parse(body.toString("utf8"))
  } catch {
    return undefined
  }
  const parsed = errorBodySchema.safeParse(json)
  if (!parsed.success) return undefined
  const { error, error_description } = parsed.data
  if (typeof error === "string") return { code: error, message: error_description ?? error }
  const info = error.details?.info ?? undefined
  return {
    code: error.code,
    message: error.message ?? info,
    domain: error.domain ?? undefined,
    details: info,
    context: error.context ?? undefined,
  }
}

/** Retry-After as delta-seconds or HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000)
  const date = Date.parse(value)
  if (!Number.isNaN(date)) return Math.max(0, date - Date.now())
  return undefined
}

function describeNetworkError(error: unknown): string {
  // undici wraps the socket error: TypeError("fetch failed", { cause: { code, message } }).
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const parts = [cause?.code, cause?.message ?? (error as Error)?.message].filter(Boolean)
  return parts.join(" ") || "unknown"
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
