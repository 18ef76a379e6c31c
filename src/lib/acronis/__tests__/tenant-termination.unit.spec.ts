import { AcronisClient } from ".."
import { startAcronisSandbox, type RunningAcronisSandbox } from "../../../sandbox"

/*
 * `tenants.disableAndDelete` against the sandbox, whose deletion is asynchronous like the platform's: the
 * tenant is `deleting` (writes refused with 1011) for a while, then gone (404).
 */

let sandbox: RunningAcronisSandbox
let acronis: AcronisClient

const control = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return res.status === 204 ? undefined : res.json()
}
const writes = async () =>
  ((await control("GET", "/requests")) as { items: { method: string; path: string; status: number | null }[] }).items
    .filter((r) => r.method !== "GET" && r.path.startsWith("/api/2/tenants/"))
    .map((r) => `${r.method} ${r.status}`)

beforeAll(async () => {
  sandbox = await startAcronisSandbox()
  acronis = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, retryBaseDelayMs: 5 })
})
afterAll(() => sandbox.stop())
beforeEach(async () => {
  await control("POST", "/reset")
  await control("PUT", "/clock", { at: "2026-05-04T10:00:00Z" })
})

const customer = (name: string) => acronis.tenants.create({ name, kind: "customer", parent_id: sandbox.rootTenantId })

it("disables, then deletes: the tenant is deleting, then gone", async () => {
  const tenant = await customer("Ending Co")
  await control("DELETE", "/requests")
  await expect(acronis.tenants.disableAndDelete(tenant.id)).resolves.toBe("deleting")
  expect(await writes()).toEqual(["PUT 200", "DELETE 204"])
  expect(await acronis.tenants.get(tenant.id)).toMatchObject({ enabled: false, external_operation_status: "deleting" })
  await control("PUT", "/clock", { advance_ms: 3_600_000 })
  await expect(acronis.tenants.get(tenant.id)).rejects.toMatchObject({ status: 404 })
})

it("counts a tenant already being deleted as done, without writing to it", async () => {
  const tenant = await customer("Twice Co")
  await acronis.tenants.disableAndDelete(tenant.id)
  await control("DELETE", "/requests")
  await expect(acronis.tenants.disableAndDelete(tenant.id)).resolves.toBe("deleting")
  expect(await writes()).toEqual([])
})

it("counts a gone tenant as done", async () => {
  const tenant = await customer("Gone Co")
  await acronis.tenants.disableAndDelete(tenant.id)
  await control("PUT", "/clock", { advance_ms: 3_600_000 })
  await expect(acronis.tenants.disableAndDelete(tenant.id)).resolves.toBe("gone")
})

it("copes with a DELETE that was applied but whose answer was lost: the retry meets 1011", async () => {
  const tenant = await customer("Lost Answer Co")
  await control("POST", "/faults", { method: "DELETE", path: `/api/2/tenants/${tenant.id}`, kind: "drop", after: true })
  await control("DELETE", "/requests")
  await expect(acronis.tenants.disableAndDelete(tenant.id)).resolves.toBe("deleting")
  expect(await writes()).toEqual(["PUT 200", "DELETE null", "DELETE 400"])
})

it("still throws what it cannot settle, e.g. a DELETE that keeps failing", async () => {
  const tenant = await customer("Stuck Co")
  await control("POST", "/faults", { method: "DELETE", path: `/api/2/tenants/${tenant.id}`, status: 500, times: 3 })
  await expect(acronis.tenants.disableAndDelete(tenant.id)).rejects.toMatchObject({ status: 500, attempts: 3 })
  expect((await acronis.tenants.get(tenant.id)).external_operation_status).toBeNull()
})
