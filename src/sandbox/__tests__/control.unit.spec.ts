import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startAcronisSandbox, type RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

describe("Acronis sandbox: control API", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(async () => {
    await http.control("POST", "/reset")
    await http.getToken()
  })

  const rootPath = () => `/tenants/${sandbox.rootTenantId}`

  describe("faults", () => {
    it("answers with the injected status, Retry-After and error body, `times` times", async () => {
      const created = await http.control("POST", "/faults", { path: `/api/2${rootPath()}`, status: 429, retryAfter: 2, times: 2 })
      expect(created.status).toBe(201)
      expect(created.body.id).toEqual(expect.any(String))

      for (let i = 0; i < 2; i++) {
        const res = await http.api("GET", rootPath())
        expect(res.status).toBe(429)
        expect(res.headers.get("retry-after")).toBe("2")
        expect(res.body.error).toMatchObject({ code: 429, domain: "PlatformAccountServer", message: expect.any(String) })
      }
      expect((await http.api("GET", rootPath())).status).toBe(200)
    })

    it("matches `*` as one segment, `/**` as a prefix, and an optional method", async () => {
      await http.control("POST", "/faults", { method: "PUT", path: "/api/2/tenants/*/offering_items", status: 503, body: { oops: true } })
      expect((await http.api("GET", `${rootPath()}/offering_items`)).status).toBe(200)
      const put = await http.api("PUT", `${rootPath()}/offering_items`, { offering_items: [] })
      expect(put.status).toBe(503)
      expect(put.body).toEqual({ oops: true })

      await http.control("POST", "/faults", { path: "/api/2/users/**", status: 500, times: 2 })
      expect((await http.api("GET", "/users/check_login?username=x")).status).toBe(500)
      expect((await http.api("GET", "/tenants/usages?tenants=" + sandbox.rootTenantId)).status).toBe(200)
      expect((await http.api("GET", "/users/abc/access_policies")).status).toBe(500)
    })

    it("drops the connection without an answer", async () => {
      await http.control("POST", "/faults", { path: `/api/2${rootPath()}`, kind: "drop" })
      await expect(http.api("GET", rootPath())).rejects.toThrow()
      expect((await http.api("GET", rootPath())).status).toBe(200)
    })

    it("hangs until the client gives up", async () => {
      await http.control("POST", "/faults", { path: `/api/2${rootPath()}`, kind: "hang" })
      const token = await http.getToken()
      const started = Date.now()
      await expect(
        fetch(`${sandbox.url}/api/2${rootPath()}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(300) })
      ).rejects.toThrow()
      expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    })

    it("with `after`, does the work and then drops: the tenant exists but the caller never learns its id", async () => {
      await http.control("POST", "/faults", { method: "POST", path: "/api/2/tenants", kind: "drop", after: true })
      await expect(http.api("POST", "/tenants", { name: "Acme", kind: "customer", parent_id: sandbox.rootTenantId })).rejects.toThrow()
      const children = await http.api("GET", `/tenants?parent_id=${sandbox.rootTenantId}`)
      expect(children.body.items.map((t: any) => t.name)).toEqual(["Acme"])
      // A retry hits the name clash.
      const retry = await http.api("POST", "/tenants", { name: "Acme", kind: "customer", parent_id: sandbox.rootTenantId })
      expect(retry.body.error.code).toBe(1004)
    })

    it("adds latency from a latency-only fault and from the global setting", async () => {
      await http.control("POST", "/faults", { path: `/api/2${rootPath()}`, latencyMs: 200 })
      let started = Date.now()
      expect((await http.api("GET", rootPath())).status).toBe(200)
      expect(Date.now() - started).toBeGreaterThanOrEqual(190)

      expect((await http.control("PUT", "/latency", { ms: 150 })).status).toBe(204)
      started = Date.now()
      await http.api("GET", rootPath())
      expect(Date.now() - started).toBeGreaterThanOrEqual(140)
      await http.control("PUT", "/latency", { ms: 0 })
    })

    it("clears faults", async () => {
      await http.control("POST", "/faults", { path: "/api/2/**", status: 500, times: 100 })
      expect((await http.control("DELETE", "/faults")).status).toBe(204)
      expect((await http.api("GET", rootPath())).status).toBe(200)
    })
  })

  it("logs requests without headers or bodies, and clears the log", async () => {
    await http.control("DELETE", "/requests")
    await http.api("GET", `/tenants?parent_id=${sandbox.rootTenantId}&limit=1`)
    await http.api("GET", "/tenants")
    const log = await http.control("GET", "/requests")
    expect(log.body.items).toEqual([
      { method: "GET", path: "/api/2/tenants", query: { parent_id: sandbox.rootTenantId, limit: "1" }, status: 200, at: expect.any(String) },
      { method: "GET", path: "/api/2/tenants", query: {}, status: 400, at: expect.any(String) },
    ])
    expect(JSON.stringify(log.body)).not.toMatch(/bearer|authorization/i)
    await http.getToken()
    expect(JSON.stringify((await http.control("GET", "/requests")).body)).not.toContain(sandbox.clientSecret)
  })

  it("sets, moves and releases the sandbox clock; reset releases it", async () => {
    const { http } = suite
    const frozen = await http.control("PUT", "/clock", { at: "2026-03-01T02:30:00Z" })
    expect(frozen.status).toBe(200)
    expect(frozen.body).toEqual({ now: "2026-03-01T02:30:00.000Z", frozen: true })
    expect((await http.control("PUT", "/clock", { advance_ms: 3_600_000 })).body.now).toBe("2026-03-01T03:30:00.000Z")
    const running = await http.control("PUT", "/clock", { run_from: "2030-01-01T00:00:00Z" })
    expect(running.body.frozen).toBe(false)
    expect(Date.parse(running.body.now)).toBeGreaterThanOrEqual(Date.parse("2030-01-01T00:00:00Z"))
    expect((await http.control("PUT", "/clock", { at: "yesterday" })).body.error.message).toContain("'at'")
    expect((await http.control("PUT", "/clock", {})).status).toBe(400)
    await http.control("POST", "/reset")
    const after = (await http.control("GET", "/clock")).body
    expect(after.frozen).toBe(false)
    expect(Math.abs(Date.parse(after.now) - Date.now())).toBeLessThan(5_000)
  })

  it("resets to the seeded state with the same root tenant and credentials", async () => {
    await http.createTenant("Acme")
    expect((await http.control("POST", "/reset")).status).toBe(204)
    const state = await http.control("GET", "/state")
    expect(state.body.root_tenant_id).toBe(sandbox.rootTenantId)
    expect(state.body.tenants.map((t: any) => t.name)).toEqual(["Sandbox MSP"])
    expect((await http.getToken()).length).toBeGreaterThan(0)
  })

  it("serves no control API when disabled", async () => {
    const bare = await startAcronisSandbox({ controlApi: false })
    try {
      const res = await fetch(`${bare.url}/__sandbox/reset`, { method: "POST" })
      expect(res.status).toBe(404)
    } finally {
      await bare.stop()
    }
  })

  it("stop() returns even with a hanging request open", async () => {
    const other = await startAcronisSandbox()
    const client = new SandboxHttp(other)
    await client.control("POST", "/faults", { path: "/api/2/**", kind: "hang" })
    const pending = client.api("GET", `/tenants/${other.rootTenantId}`).catch((error) => error)
    await new Promise((r) => setTimeout(r, 50))
    await other.stop()
    // The request fails (fetch's TypeError comes from another realm, so compare by shape).
    expect(await pending).toMatchObject({ name: "TypeError", message: "fetch failed" })
  })

  it("persists state to statePath and loads it on the next start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acronis-sandbox-"))
    const statePath = join(dir, "state.json")
    try {
      const first = await startAcronisSandbox({ statePath })
      const client = new SandboxHttp(first)
      const tenant = await client.createTenant("Persisted Inc")
      await client.api("POST", "/users", { tenant_id: tenant.id, login: "persisted", contact: { email: "p@x.test" } })
      await first.stop()
      expect(readFileSync(statePath, "utf8")).not.toContain(first.clientSecret)

      const second = await startAcronisSandbox({ statePath })
      try {
        expect(second.rootTenantId).toBe(first.rootTenantId)
        const again = new SandboxHttp(second)
        const read = await again.api("GET", `/tenants/${tenant.id}`)
        expect(read.status).toBe(200)
        expect(read.body.name).toBe("Persisted Inc")
        expect((await again.api("GET", "/users/check_login?username=persisted")).status).toBe(409)
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
