/** What every route handler can reach: the store and the sandbox's own moving parts. */
import type { SandboxClock } from "./clock"
import type { FaultList } from "./faults"
import type { RateLimiter } from "./rate-limit"
import type { SandboxState } from "./state"
import type { TokenStore } from "./tokens"

export interface RequestLogEntry {
  method: string
  path: string
  query: Record<string, string>
  /** null while the request is in flight, or when the answer was dropped or never sent. */
  status: number | null
  at: string
}

/** How long Acronis takes over things; set at start, changed through `PUT /__sandbox/timing`, restored on reset. */
export interface SandboxTiming {
  /** Sandbox-clock seconds a new report stays `in_progress` (after its first poll, which always is). */
  reportReadySeconds: number
  /**
   * Usage refreshes at every multiple of this many hours (UTC) on the sandbox clock: usage set through the
   * control API is visible to the API from the next refresh. 0: at once.
   */
  usageRefreshHours: number
}

export interface SandboxContext {
  /** Replaced wholesale on reset, so always read it through the context. */
  state: SandboxState
  readonly clientId: string
  readonly clientSecret: string
  readonly tokenTtlSeconds: number
  /** How long an asynchronous tenant deletion takes on the sandbox clock. */
  readonly tenantDeletionSeconds: number
  url: string
  readonly tokens: TokenStore
  readonly faults: FaultList
  /** The time the sandbox believes it is; tests move it through the control API. */
  readonly clock: SandboxClock
  timing: SandboxTiming
  /** Requests per API client over a sliding window (429 with Retry-After beyond it). */
  readonly rateLimiter: RateLimiter
  latencyMs: number
  requestLog: RequestLogEntry[]
  reset(): void
}
