import type { RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

describe("Acronis sandbox: a disabled tenant disables its API clients", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(() => http.control("POST", "/reset"))

  const requestToken = () => {
    const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")
    return http.raw("POST", "/api/2/idp/token", "grant_type=client_credentials", {
      authorization: `Basic ${basic}`,
      "content-type": "application/x-www-form-urlencoded",
    })
  }

  it("refuses tokens (401, OAuth shape) and the tokens already issued once the owner tenant is disabled", async () => {
    await http.getToken()
    expect((await http.api("GET", `/clients/${sandbox.clientId}`)).body.status).toBe("enabled")

    expect((await http.control("PUT", "/root-tenant", { enabled: false })).body).toEqual({ enabled: false, client_status: "disabled" })
    const refused = await requestToken()
    expect(refused.status).toBe(401)
    expect(refused.body).toEqual({ error: "access_denied", error_description: "The API client is disabled." })
    const withOldToken = await http.api("GET", `/tenants/${sandbox.rootTenantId}`)
    expect(withOldToken.status).toBe(401)
    expect(withOldToken.body.error.code).toBe(401)
  })

  it("stays disabled when the tenant is enabled again, until the client itself is enabled", async () => {
    await http.control("PUT", "/root-tenant", { enabled: false })
    await http.control("PUT", "/root-tenant", { enabled: true })
    expect((await requestToken()).status).toBe(401)

    await http.control("PUT", "/client", { status: "enabled" })
    expect((await requestToken()).status).toBe(200)
    await http.getToken()
    const client = await http.api("GET", `/clients/${sandbox.clientId}`)
    expect(client.body).toMatchObject({ status: "enabled", tenant_id: sandbox.rootTenantId })
    expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).body.enabled).toBe(true)
  })

  it("is disabled when its tenant is disabled through the API too, and not by disabling another tenant", async () => {
    await http.getToken()
    const customer = await http.createTenant("Someone Else")
    await http.api("PUT", `/tenants/${customer.id}`, { version: customer.version, enabled: false })
    expect((await requestToken()).status).toBe(200)

    const root = (await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).body
    expect((await http.api("PUT", `/tenants/${sandbox.rootTenantId}`, { version: root.version, enabled: false })).status).toBe(200)
    expect((await requestToken()).status).toBe(401)
  })

  it("is enabled again by a reset", async () => {
    await http.control("PUT", "/root-tenant", { enabled: false })
    await http.control("POST", "/reset")
    expect((await requestToken()).status).toBe(200)
  })
})
