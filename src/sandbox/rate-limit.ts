/**
 * Per-API-client rate limiting, measured on the sandbox clock. Acronis publishes no numbers for the Account
 * Management API and its spec declares no 429; the gateway does throttle (other Acronis APIs declare 429 with
 * Retry-After in seconds), so the sandbox refuses requests over a sliding window with 429 and Retry-After.
 */
import type { IncomingHttpHeaders } from "node:http"
import type { SandboxClock } from "./clock"

export interface RateLimit {
  /** Requests one API client may make per window. */
  requests: number
  windowSeconds: number
}

/**
 * UNCONFIRMED figures, chosen so an integration that is not looping never meets them (the HTTP suites make
 * a few hundred requests a minute) while a runaway loop does.
 */
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 3000, windowSeconds: 60 }

export class RateLimiter {
  /** Times (ms, sandbox clock) of the requests each client made within the window, oldest first. */
  private readonly hits = new Map<string, number[]>()

  constructor(
    private readonly limit: RateLimit | false,
    private readonly clock: SandboxClock
  ) {
    if (limit && !(Number.isInteger(limit.requests) && limit.requests > 0 && limit.windowSeconds > 0)) {
      throw new Error("rateLimit: 'requests' must be a positive integer and 'windowSeconds' positive")
    }
  }

  /** Counts one request by `key`; returns the seconds to wait instead when the client is over its limit. */
  take(key: string): number | undefined {
    if (!this.limit) return undefined
    const now = this.clock.now().getTime()
    const windowMs = this.limit.windowSeconds * 1000
    // A clock moved back makes later hits meaningless; a clock moved on lets them expire.
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - windowMs && at <= now)
    this.hits.set(key, recent)
    if (recent.length >= this.limit.requests) return Math.max(1, Math.ceil((recent[0] + windowMs - now) / 1000))
    recent.push(now)
    return undefined
  }

  clear(): void {
    this.hits.clear()
  }
}

/** Whose request it is: the API client of a bearer token or of the token call's Basic credentials, else the caller's address. */
export function rateLimitKey(headers: IncomingHttpHeaders, remoteAddress: string | undefined, bearerClientId: string | undefined): string {
  if (bearerClientId) return `client:${bearerClientId}`
  const basic = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "")
  if (basic) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8")
    const colon = decoded.indexOf(":")
    if (colon > 0) return `client:${decodeURIComponent(decoded.slice(0, colon))}`
  }
  return `address:${remoteAddress ?? "unknown"}`
}
