import type { RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

describe("Acronis sandbox: users", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  let tenantId: string
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(async () => {
    await http.control("POST", "/reset")
    tenantId = (await http.createTenant("Acme")).id
  })

  const createUser = (login: string, tenant = tenantId) =>
    http.api("POST", "/users", { tenant_id: tenant, login, contact: { email: `${login}@acme.test`, firstname: "Ada" } })

  it("checks logins: 204 when free, 409 when taken anywhere in the sandbox", async () => {
    expect((await http.api("GET", "/users/check_login?username=ada")).status).toBe(204)
    const created = await createUser("ada")
    expect(created.status).toBe(200)
    const other = await http.createTenant("Other")
    expect((await http.api("GET", "/users/check_login?username=ada")).status).toBe(409)
    expect((await createUser("ada", other.id)).status).toBe(409)
  })

  it("creates a user with 200, not activated", async () => {
    const res = await createUser("ada")
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      tenant_id: tenantId,
      login: "ada",
      activated: false,
      enabled: true,
      version: 1,
      contact: { email: "ada@acme.test", firstname: "Ada" },
      personal_tenant_id: expect.any(String),
    })
    expect((await http.api("GET", `/users/${res.body.id}`)).body).toEqual(res.body)
  })

  it("rejects an invalid login with code 1033", async () => {
    const res = await createUser("a b")
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe(1033)
  })

  it("updates with the version and answers 409 code 1001 when stale", async () => {
    const user = (await createUser("ada")).body
    const ok = await http.api("PUT", `/users/${user.id}`, { version: 1, contact: { lastname: "Lovelace" } })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ version: 2, contact: { lastname: "Lovelace", email: "ada@acme.test" } })
    const stale = await http.api("PUT", `/users/${user.id}`, { version: 1, enabled: false })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe(1001)
  })

  it("replaces access policies and checks the role fits the tenant kind", async () => {
    const user = (await createUser("ada")).body
    const policy = (role_id: string) => ({
      id: "00000000-0000-0000-0000-000000000000",
      issuer_id: "00000000-0000-0000-0000-000000000000",
      trustee_id: user.id,
      trustee_type: "user",
      tenant_id: tenantId,
      role_id,
      version: 0,
    })
    const res = await http.api("PUT", `/users/${user.id}/access_policies`, { items: [policy("company_admin")] })
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([expect.objectContaining({ role_id: "company_admin", trustee_id: user.id, tenant_id: tenantId })])
    expect(res.body.items[0].id).not.toBe("00000000-0000-0000-0000-000000000000")

    expect((await http.api("PUT", `/users/${user.id}/access_policies`, { items: [policy("partner_admin")] })).status).toBe(400)
    const replaced = await http.api("PUT", `/users/${user.id}/access_policies`, { items: [policy("backup_user")] })
    expect(replaced.body.items.map((p: any) => p.role_id)).toEqual(["backup_user"])
  })

  it("refuses to delete an enabled user; disabled, it deletes with the new version", async () => {
    const user = (await createUser("ada")).body
    const enabled = await http.api("DELETE", `/users/${user.id}?version=${user.version}`)
    expect(enabled.status).toBe(400)
    expect(enabled.body.error).toMatchObject({ code: 1006, domain: "PlatformAccountServer", message: "It is prohibited to delete a non-disabled user." })
    expect((await http.api("GET", `/users/${user.id}`)).body).toMatchObject({ enabled: true, version: user.version })

    const disabled = (await http.api("PUT", `/users/${user.id}`, { version: user.version, enabled: false })).body
    expect((await http.api("DELETE", `/users/${user.id}?version=${user.version}`)).status).toBe(409)
    expect((await http.api("DELETE", `/users/${user.id}?version=${disabled.version}`)).status).toBe(204)
    expect((await http.api("GET", `/users/${user.id}`)).status).toBe(404)
  })

  it("pages GET /users with limit and an after cursor that carries the filter", async () => {
    const logins = ["user1", "user2", "user3", "user4", "user5"]
    for (const login of logins) expect((await createUser(login)).status).toBe(200)
    const first = await http.api("GET", `/users?subtree_root_tenant_id=${sandbox.rootTenantId}&limit=2`)
    expect(first.status).toBe(200)
    const seen = first.body.items.map((u: any) => u.login)
    expect(seen).toEqual(["user1", "user2"])
    let after = first.body.paging.cursors.after
    let pages = 1
    while (after) {
      const page = await http.api("GET", `/users?after=${encodeURIComponent(after)}`)
      expect(page.status).toBe(200)
      expect(page.body.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.body.items.map((u: any) => u.login))
      after = page.body.paging.cursors.after
      pages++
    }
    expect([pages, seen]).toEqual([3, logins])
    // Without `limit` one page holds up to 2000, so these five need no cursor.
    const all = await http.api("GET", `/users?subtree_root_tenant_id=${sandbox.rootTenantId}`)
    expect([all.body.items.length, all.body.paging.cursors]).toEqual([5, {}])

    expect((await http.api("GET", `/users?subtree_root_tenant_id=${sandbox.rootTenantId}&limit=0`)).status).toBe(400)
    expect((await http.api("GET", `/users?after=not-a-cursor`)).status).toBe(400)
    const both = await http.api("GET", `/users?subtree_root_tenant_id=${sandbox.rootTenantId}&uuids=${all.body.items[0].id}`)
    expect(both.status).toBe(400)
  })

  it("lists users with every field the spec's full user item requires, origin fields and disable_after null unless set", async () => {
    await createUser("ada")
    const later = await http.api("POST", "/users", {
      tenant_id: tenantId,
      login: "bob",
      contact: { email: "bob@acme.test" },
      origin_id: "app-1",
      origin_external_id: "ext-1",
      disable_after: "2030-01-01T00:00:00",
    })
    expect(later.status).toBe(200)
    const res = await http.api("GET", `/users?subtree_root_tenant_id=${tenantId}`)
    const required = [
      "id", "version", "tenant_id", "created_at", "updated_at", "deleted_at", "access_policies", "origin_id",
      "origin_external_id", "disable_after", "personal_tenant_id", "login", "enabled", "contact", "activated",
      "language", "business_types", "notifications",
    ]
    for (const item of res.body.items) expect([item.login, required.filter((key) => !(key in item))]).toEqual([item.login, []])
    expect(res.body.items.map((u: any) => [u.login, u.origin_id, u.origin_external_id, u.disable_after])).toEqual([
      ["ada", null, null, null],
      ["bob", "app-1", "ext-1", "2030-01-01T00:00:00"],
    ])
  })

  it("answers 403 for a user of a tenant the client does not own, 404 for one that exists nowhere", async () => {
    const foreignUser = (await http.control("GET", "/state")).body.foreign.users[0]
    const calls: [string, string, unknown?][] = [
      ["GET", `/users/${foreignUser.id}`],
      ["PUT", `/users/${foreignUser.id}`, { version: 1, enabled: false }],
      ["DELETE", `/users/${foreignUser.id}?version=1`],
      ["GET", `/users?uuids=${foreignUser.id}`],
      ["GET", `/users/${foreignUser.id}/access_policies`],
      ["POST", `/users/${foreignUser.id}/password`, { password: "S3cret-pass!" }],
    ]
    for (const [method, path, body] of calls) {
      const res = await http.api(method, path, body)
      expect([`${method} ${path}`, res.status, res.body.error.code]).toEqual([`${method} ${path}`, 403, 1002])
    }
    expect((await http.api("GET", "/users/5a4db0c5-0000-4000-8000-00000000dead")).status).toBe(404)
    expect((await http.control("GET", "/state")).body.foreign.users[0]).toEqual(foreignUser)
    // Logins are unique platform-wide, the foreign user's too.
    expect((await http.api("GET", `/users/check_login?username=${foreignUser.login}`)).status).toBe(409)
  })

  it("records activation e-mails and activates on set password", async () => {
    const user = (await createUser("ada")).body
    const sent = await http.api("POST", `/users/${user.id}/send-activation-email`, {})
    expect(sent.status).toBe(204)
    const emails = await http.control("GET", "/emails")
    expect(emails.body.items).toEqual([
      { to: "ada@acme.test", user_id: user.id, login: "ada", kind: "activation", sent_at: expect.any(String) },
    ])

    expect((await http.api("POST", `/users/${user.id}/password`, { password: "S3cret-pass!" })).status).toBe(204)
    expect((await http.api("GET", `/users/${user.id}`)).body.activated).toBe(true)
    // The password is never kept or shown.
    expect(JSON.stringify((await http.control("GET", "/state")).body)).not.toContain("S3cret-pass!")
  })
})
