import { enc, type AcronisHttp } from "./request"
import { accessPolicyListSchema, userSchema } from "./schemas"
import type { AccessPolicy, AccessPolicyInput, User, UserCreateInput, UserUpdateInput } from "./types"

/** Placeholder id/issuer the API expects for policies it has not created yet (reference §7). */
const NIL_UUID = "00000000-0000-0000-0000-000000000000"

export class UsersResource {
  constructor(private readonly http: AcronisHttp) {}

  /** `GET /users/check_login`: 204 → available, 409 → taken (logins are unique platform-wide). */
  async checkLogin(login: string): Promise<{ available: boolean }> {
    const status = await this.http.noContent({
      method: "GET",
      path: "/users/check_login",
      query: { username: login },
      okStatuses: [204, 409],
    })
    return { available: status === 204 }
  }

  /**
   * `POST /users` → 200 (not 201), `activated: false`. Not retried when the outcome is unknown: on a
   * `retryable` error `checkLogin` tells whether the user was created.
   */
  create(input: UserCreateInput): Promise<User> {
    return this.http.json({ method: "POST", path: "/users", body: input, retry: "create" }, userSchema)
  }

  get(userId: string): Promise<User> {
    return this.http.json({ method: "GET", path: `/users/${enc(userId)}` }, userSchema)
  }

  /** `PUT /users/{id}` with the current `version`. */
  update(userId: string, input: UserUpdateInput): Promise<User> {
    return this.http.json({ method: "PUT", path: `/users/${enc(userId)}`, body: input }, userSchema)
  }

  /** `DELETE /users/{id}?version=N` → 204. */
  async delete(userId: string, version: number): Promise<void> {
    await this.http.noContent({ method: "DELETE", path: `/users/${enc(userId)}`, query: { version } })
  }

  async getAccessPolicies(userId: string): Promise<AccessPolicy[]> {
    const path = `/users/${enc(userId)}/access_policies`
    return (await this.http.json({ method: "GET", path }, accessPolicyListSchema)).items
  }

  /** `PUT /users/{id}/access_policies`: replaces all the user's roles with `policies`. */
  async setAccessPolicies(userId: string, policies: readonly AccessPolicyInput[]): Promise<AccessPolicy[]> {
    const items = policies.map((policy) => ({
      id: NIL_UUID,
      issuer_id: NIL_UUID,
      trustee_id: policy.trustee_id ?? userId,
      trustee_type: policy.trustee_type ?? "user",
      tenant_id: policy.tenant_id,
      role_id: policy.role_id,
      version: 0,
    }))
    const path = `/users/${enc(userId)}/access_policies`
    return (await this.http.json({ method: "PUT", path, body: { items } }, accessPolicyListSchema)).items
  }

  /**
   * `POST /users/{id}/send-activation-email` → 204. Retried like a create, only on 429: the customer sees
   * every e-mail it sends, so an answer lost after Acronis queued it must not send a second one. The caller
   * decides what an unknown outcome means (a `retryable` error). Skip it for users already `activated`.
   */
  async sendActivationEmail(userId: string): Promise<void> {
    const path = `/users/${enc(userId)}/send-activation-email`
    await this.http.noContent({ method: "POST", path, body: {}, retry: "create" })
  }

  /** `POST /users/{id}/password` → 204 (activates without e-mail). Setting the same password twice is harmless. */
  async setPassword(userId: string, password: string): Promise<void> {
    const path = `/users/${enc(userId)}/password`
    await this.http.noContent({ method: "POST", path, body: { password }, retry: "safe" })
  }
}
