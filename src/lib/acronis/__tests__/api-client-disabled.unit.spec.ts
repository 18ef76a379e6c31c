import { AcronisClient } from ".."
import { startAcronisSandbox, type RunningAcronisSandbox } from "../../../sandbox"

let sandbox: RunningAcronisSandbox
beforeAll(async () => (sandbox = await startAcronisSandbox()))
afterAll(() => sandbox.stop())

it("fails with the token endpoint's 401 access_denied, without retrying, once the API client's tenant is disabled", async () => {
  const acronis = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, retryBaseDelayMs: 5 })
  await acronis.tenants.get(sandbox.rootTenantId)
  await fetch(`${sandbox.url}/__sandbox/root-tenant`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ enabled: false }) })
  await fetch(`${sandbox.url}/__sandbox/requests`, { method: "DELETE" })

  const error = await acronis.tenants.get(sandbox.rootTenantId).catch((e) => e)
  expect(error).toMatchObject({ kind: "http", status: 401, code: "access_denied", path: "/api/2/idp/token", retryable: false })
  expect(error.message).toContain("The API client is disabled.")
  // The cached token is refused (401), renewed once, and the renewal is refused: nothing more.
  const log = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as { items: { path: string; status: number }[] }
  expect(log.items.map((r) => `${r.path} ${r.status}`)).toEqual([`/api/2/tenants/${sandbox.rootTenantId} 401`, "/api/2/idp/token 401"])
})
