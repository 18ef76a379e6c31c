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
