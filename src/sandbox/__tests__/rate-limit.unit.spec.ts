import { startAcronisSandbox, type RunningAcronisSandbox } from "../index"
import { SandboxHttp } from "./sandbox-client"

describe("rate limit per API client", () => {
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp

  beforeAll(async () => {
    sandbox = await startAcronisSandbox({ rateLimit: { requests: 3, windowSeconds: 60 } })
    http = new SandboxHttp(sandbox)
  })
  afterAll(() => sandbox.stop())
  beforeEach(async () => {
    await http.control("POST", "/reset")
    await http.control("PUT", "/clock", { at: "2026-05-04T10:00:00Z" })
  })

  it("answers 429 with Retry-After in seconds and the error body once the window is used up, measured on the sandbox clock", async () => {
    await http.getToken() // 1
    expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).status).toBe(200) // 2
    await http.control("PUT", "/clock", { advance_ms: 10_000 })
    expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).status).toBe(200) // 3

    const refused = await http.api("GET", `/tenants/${sandbox.rootTenantId}`)
    expect(refused.status).toBe(429)
    // The oldest request leaves the window 60 s after it was made: 50 s from now.
    expect(refused.headers.get("retry-after")).toBe("50")
    expect(refused.body).toEqual({
      error: { code: 429, domain: "PlatformAccountServer", message: expect.stringMatching(/^Too many requests/), details: { info: expect.any(String) } },
    })

    await http.control("PUT", "/clock", { advance_ms: 49_000 })
    expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).headers.get("retry-after")).toBe("1")
    await http.control("PUT", "/clock", { advance_ms: 1_000 })
    expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).status).toBe(200)
  })

  it("refuses before doing anything: a refused POST creates no tenant", async () => {
    await http.getToken()
    await http.createTenant("First")
    await http.createTenant("Second")
    const refused = await http.api("POST", "/tenants", { name: "Third", kind: "customer", parent_id: sandbox.rootTenantId })
    expect(refused.status).toBe(429)
    const state = (await http.control("GET", "/state")).body as { tenants: { name: string }[] }
    expect(state.tenants.map((t) => t.name)).not.toContain("Third")
    const log = (await http.control("GET", "/requests")).body as { items: { path: string; status: number }[] }
    expect(log.items.filter((r) => r.path === "/api/2/tenants").map((r) => r.status)).toEqual([201, 201, 429])
  })

  it("counts the token call too, by the client of its Basic credentials", async () => {
    for (let i = 0; i < 3; i++) await http.getToken()
    const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")
    const refused = await http.raw("POST", "/api/2/idp/token", "grant_type=client_credentials", {
      authorization: `Basic ${basic}`,
      "content-type": "application/x-www-form-urlencoded",
    })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get("retry-after"))).toBe(60)
  })

  it("starts afresh after a reset", async () => {
    for (let i = 0; i < 3; i++) await http.getToken()
    await http.control("POST", "/reset")
    // Same instant as before the reset, so only the reset can have emptied the window.
    await http.control("PUT", "/clock", { at: "2026-05-04T10:00:00Z" })
    expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).status).toBe(200)
  })

  it("has a default that ordinary use does not meet, and can be turned off", async () => {
    const defaults = await startAcronisSandbox()
    const unlimited = await startAcronisSandbox({ rateLimit: false })
    try {
      for (const target of [defaults, unlimited]) {
        const caller = new SandboxHttp(target)
        const statuses = await Promise.all(Array.from({ length: 50 }, () => caller.api("GET", `/tenants/${target.rootTenantId}`).then((r) => r.status)))
        expect(new Set(statuses)).toEqual(new Set([200]))
      }
    } finally {
      await defaults.stop()
      await unlimited.stop()
    }
  })
})
