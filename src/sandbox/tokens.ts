/** Bearer tokens: JWT-shaped strings signed with a per-process key, remembered until they expire. */
import { createHmac, randomBytes, randomUUID } from "node:crypto"

export interface IssuedToken {
  access_token: string
  id_token: string
  expires_in: number
  expires_on: number
}

export class TokenStore {
  private readonly key = randomBytes(32)
  private readonly expiries = new Map<string, number>()

  issue(issuer: string, clientId: string, ttlSeconds: number): IssuedToken {
    const iat = Math.floor(Date.now() / 1000)
    const exp = iat + ttlSeconds
    const claims = { iss: issuer, sub: clientId, iat, exp, jti: randomUUID() }
    const access_token = this.sign(claims)
    this.expiries.set(access_token, exp * 1000)
    return { access_token, id_token: this.sign({ ...claims, jti: randomUUID(), aud: clientId }), expires_in: ttlSeconds, expires_on: exp }
  }

  /** True for a token this sandbox issued that has not expired. */
  isValid(authorization: string | undefined): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")
    if (!match) return false
    const expiresAt = this.expiries.get(match[1])
    if (expiresAt === undefined) return false
    if (Date.now() >= expiresAt) {
      this.expiries.delete(match[1])
      return false
    }
    return true
  }

  /** Lets tests exercise a client's re-authentication without waiting two hours. */
  expireAll(): void {
    this.expiries.clear()
  }

  private sign(claims: Record<string, unknown>): string {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
    const unsigned = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}`
    return `${unsigned}.${createHmac("sha256", this.key).update(unsigned).digest("base64url")}`
  }
}
