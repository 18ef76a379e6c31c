import { inspect } from "node:util"

/**
 * - `http`: the API answered with a non-success status (see `status`, `code`, `domain`).
 * - `network`: the connection failed or was dropped; the request may or may not have been applied.
 * - `timeout`: no complete answer within `timeoutMs`; the request may or may not have been applied.
 * - `invalid_response`: the API answered 2xx but the body did not have the documented shape.
 * - `report_failed`: a stored report ended in status `failed` (see `reports.waitForStored`).
 */
export type AcronisErrorKind = "http" | "network" | "timeout" | "invalid_response" | "report_failed"

export interface AcronisApiErrorInit {
  kind: AcronisErrorKind
  message: string
  method: string
  path: string
  status?: number
  code?: string | number
  domain?: string
  details?: string
  context?: Record<string, unknown>
  retryable?: boolean
  retryAfterMs?: number
  attempts?: number
}

/**
 * The one error the Acronis client throws. It carries only what the caller needs to decide what to
 * do next; it never holds request headers or bodies, so a token, client secret or password cannot
 * leak through `JSON.stringify`, `String()` or `util.inspect`.
 */
export class AcronisApiError extends Error {
  readonly kind: AcronisErrorKind
  /** HTTP status; 0 when no HTTP answer was received (network, timeout). For `invalid_response`, the 2xx received. */
  readonly status: number
  /** Acronis `error.code` (platform code like 1001, or the HTTP code), or the OAuth `error` of `/idp/token`. */
  readonly code?: string | number
  /** Acronis `error.domain`, e.g. "PlatformAccountServer". */
  readonly domain?: string
  /** Acronis `error.details.info` when it differs from the message. */
  readonly details?: string
  /** Acronis `error.context` (ids of the objects involved). */
  readonly context?: Record<string, unknown>
  readonly method: string
  /** API path without query string (queries can carry logins). */
  readonly path: string
  /**
   * The failure is transient (429, 502/503/504, network, timeout): trying again later may succeed.
   * For a create call (POST tenant/user/report) look for the object first: it may already exist.
   */
  readonly retryable: boolean
  readonly retryAfterMs?: number
  /** HTTP attempts made. > 1 with a 409/426 on a PUT can mean our own earlier attempt was applied. */
  readonly attempts: number

  constructor(init: AcronisApiErrorInit) {
    super(init.message)
    this.name = "AcronisApiError"
    this.kind = init.kind
    this.status = init.status ?? 0
    this.code = init.code
    this.domain = init.domain
    this.details = init.details
    this.context = init.context
    this.method = init.method
    this.path = init.path
    this.retryable = init.retryable ?? false
    this.retryAfterMs = init.retryAfterMs
    this.attempts = init.attempts ?? 1
  }

  /** True for an Acronis platform error code, e.g. `err.hasCode(1001)` for a version mismatch. */
  hasCode(code: number | string): boolean {
    return this.code !== undefined && String(this.code) === String(code)
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      code: this.code,
      domain: this.domain,
      details: this.details,
      context: this.context,
      method: this.method,
      path: this.path,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
    }
  }

  [inspect.custom](): string {
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${inspect(this.toJSON(), { depth: 4 })}`
  }
}

/** Acronis platform error codes the client's callers branch on (reference §3). */
export const AcronisErrorCode = {
  VersionMismatch: 1001,
  AccessDenied: 1002,
  ParentTenantDisabled: 1003,
  TenantNameConflict: 1004,
  TenantNotFound: 1005,
  DeleteNonDisabledTenant: 1006,
  DeprovisioningInProgress: 1011,
  OfferingItemNotAvailable: 1021,
  HardQuotaExceeded: 1022,
  OfferingItemsDependency: 1023,
  InvalidLogin: 1033,
} as const

export function isAcronisApiError(error: unknown): error is AcronisApiError {
  return error instanceof AcronisApiError
}
