import type { AcronisHttp, TokenSource } from "./request"
import { tokenSchema } from "./schemas"

/** Renew this long before expiry (Acronis examples refresh when `expires_on - now < 900`). */
const RENEW_BEFORE_MS = 15 * 60 * 1000

interface CachedToken {
  value: string
  /** Local clock time after which the token is renewed. */
  renewAt: number
}

/**
 * OAuth2 client-credentials token for the API client (`POST /idp/token`, HTTP Basic).
 * One token is cached and shared; concurrent callers wait on the same in-flight request.
 */
export class TokenManager implements TokenSource {
  private cached?: CachedToken
  private inFlight?: Promise<string>
  /** Tokens handed out recently, kept only to redact them from error messages. */
  private readonly issued: string[] = []

  constructor(
    private readonly http: AcronisHttp,
    private readonly now: () => number = Date.now
  ) {}

  get(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return Promise.resolve(this.cached.value)
    if (!this.inFlight) {
      this.inFlight = this.request().finally(() => {
        this.inFlight = undefined
      })
    }
    return this.inFlight
  }

  invalidate(token: string): void {
    if (this.cached?.value === token) this.cached = undefined
  }

  secrets(): string[] {
    return [...this.issued]
  }

  private async request(): Promise<string> {
    // The token call changes nothing on the server, so it is retried like a GET.
    const spec = {
      method: "POST" as const,
      path: "/idp/token",
      form: { grant_type: "client_credentials" },
      auth: "basic" as const,
      retry: "safe" as const,
      okStatuses: [200],
    }
    const token = await this.http.json(spec, tokenSchema)
    const receivedAt = this.now()
    this.cached = { value: token.access_token, renewAt: receivedAt + this.lifetime(token, receivedAt) }
    this.issued.push(token.access_token)
    if (this.issued.length > 4) this.issued.shift()
    return token.access_token
  }

  /** Milliseconds the token may be used before renewal. */
  private lifetime(token: { expires_in?: number; expires_on?: number }, receivedAt: number): number {
    // `expires_in` is measured on our clock and immune to skew; `expires_on` (server clock) is the fallback.
    const validMs =
      token.expires_in !== undefined
        ? token.expires_in * 1000
        : token.expires_on !== undefined
          ? token.expires_on * 1000 - receivedAt
          : 0
    // Short-lived tokens (tests, custom IdP settings) would otherwise be renewed on every call.
    return Math.max(0, validMs - Math.min(RENEW_BEFORE_MS, validMs / 2))
  }
}
