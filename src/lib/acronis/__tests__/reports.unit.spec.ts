import { startAcronisSandbox, type RunningAcronisSandbox } from "../../../sandbox"
import { AcronisClient } from "../index"

/** The reports client against the sandbox over HTTP, with Acronis taking its time on the sandbox clock. */
describe("Acronis client: usage reports", () => {
  let sandbox: RunningAcronisSandbox
  let client: AcronisClient
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${sandbox.url}/__sandbox${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    })
  const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

  beforeAll(async () => {
    sandbox = await startAcronisSandbox({ reportReadySeconds: 3600 })
    client = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret })
  })
  afterAll(() => sandbox.stop())
  beforeEach(async () => {
    await control("POST", "/reset")
    // Midday, so the report is never refused as "not ready" whatever the host's hour.
    await control("PUT", "/clock", { run_from: `${new Date().toISOString().slice(0, 10)}T12:00:00Z` })
  })

  const create = () => client.reports.create({ tenant_id: sandbox.rootTenantId, period: { start: yesterday(), end: yesterday() } })

  it("keeps polling while the report is in progress and gives up with a retryable timeout", async () => {
    const report = await create()
    await expect(client.reports.waitForStored(report.id, { pollMs: 50, timeoutMs: 400 })).rejects.toMatchObject({ kind: "timeout", retryable: true })
    // The report is still being generated; an hour later (sandbox time) the same report is saved.
    await control("PUT", "/clock", { advance_ms: 3_600_000 })
    const stored = await client.reports.waitForStored(report.id, { pollMs: 50, timeoutMs: 400 })
    expect(stored.status).toBe("saved")
  })

  it("reads the json_v2_0 rows with the tenant's UUID and the trial/production split", async () => {
    await control("PUT", "/timing", { report_ready_seconds: 0, usage_refresh_hours: 0 })
    const tenant = await client.tenants.create({ name: "Report customer", kind: "customer", parent_id: sandbox.rootTenantId })
    const items = await client.offeringItems.availableForChild(sandbox.rootTenantId, { kind: "customer", edition: "*" })
    const workstations = items.find((i) => i.name === "pg_base_workstations")!
    await client.offeringItems.update(tenant.id, [{ application_id: workstations.application_id, name: workstations.name, status: 1 }])
    await control("PUT", "/usages", { items: [{ tenant_id: tenant.id, offering_item: "pg_base_workstations", date: yesterday(), value: 5 }] })
    const report = await create()
    const stored = await client.reports.waitForStored(report.id, { pollMs: 20, timeoutMs: 2000, format: "json_v2_0" })
    const content = await client.reports.download(report.id, stored.id)
    // A new tenant is in trial: its usage is trial usage.
    expect(content.tenants).toEqual([
      expect.objectContaining({
        tenant_uuid: tenant.id,
        name: "pg_base_workstations",
        value: 5,
        usage: expect.objectContaining({ effective: { production: 0, trial: 5, total: 5 } }),
      }),
    ])
  })
})
