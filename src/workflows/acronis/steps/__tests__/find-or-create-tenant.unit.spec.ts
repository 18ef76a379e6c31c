import { AcronisClient } from "../../../../lib/acronis"
import { startAcronisSandbox, type RunningAcronisSandbox } from "../../../../sandbox"
import { findOrCreateChildTenant } from "../find-or-create-tenant"

describe("findOrCreateChildTenant against the sandbox", () => {
  let sandbox: RunningAcronisSandbox
  let client: AcronisClient
  const control = (method: string, path: string) => fetch(`${sandbox.url}/__sandbox${path}`, { method })
  const requests = async () =>
    ((await (await control("GET", "/requests")).json()) as { items: { method: string; path: string; query: Record<string, string> }[] }).items.filter(
      (request) => request.path !== "/api/2/idp/token"
    )

  beforeAll(async () => {
    sandbox = await startAcronisSandbox()
    client = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret })
  })
  afterAll(() => sandbox.stop())
  beforeEach(async () => {
    await control("POST", "/reset")
  })

  const input = (name: string, reference: string) => ({ parent_tenant_id: sandbox.rootTenantId, kind: "customer" as const, name, reference_id: reference })

  it("creates a new tenant after one search, without listing the parent's children", async () => {
    for (let i = 0; i < 30; i++) await client.tenants.create({ name: `Other ${i}`, kind: "customer", parent_id: sandbox.rootTenantId })
    await control("DELETE", "/requests")
    const { tenant, outcome } = await findOrCreateChildTenant(client, input("Fresh Co", "cus_fresh"))
    expect([outcome, tenant.name, tenant.customer_id]).toEqual(["created", "Fresh Co", "cus_fresh"])
    expect((await requests()).map((request) => `${request.method} ${request.path}`)).toEqual(["GET /api/2/search", "POST /api/2/tenants"])
  })

  it("finds our tenant among its numbered names, and only ours", async () => {
    await client.tenants.create({ name: "Co 4", kind: "customer", parent_id: sandbox.rootTenantId, customer_id: "cus_other" })
    const ours = await client.tenants.create({ name: "Co 4 (2)", kind: "customer", parent_id: sandbox.rootTenantId, customer_id: "cus_ours", internal_tag: "cus_ours" })
    const { tenant, outcome } = await findOrCreateChildTenant(client, input("Co 4", "cus_ours"))
    expect([outcome, tenant.id]).toEqual(["found", ours.id])
  })

  it("lists the children when the search is full, so a tenant cut off from it is still found", async () => {
    for (let i = 0; i < 100; i++) await client.tenants.create({ name: `Acme ${i}`, kind: "customer", parent_id: sandbox.rootTenantId })
    const ours = await client.tenants.create({ name: "Acme", kind: "customer", parent_id: sandbox.rootTenantId, customer_id: "cus_acme" })
    await control("DELETE", "/requests")
    const { tenant, outcome } = await findOrCreateChildTenant(client, input("Acme", "cus_acme"))
    expect([outcome, tenant.id]).toEqual(["found", ours.id])
    expect((await requests()).map((request) => `${request.method} ${request.path}`)).toEqual(["GET /api/2/search", "GET /api/2/tenants"])
  })

  it("provisions the eleventh customer of the same name, and finds each again by reference", async () => {
    const made = []
    for (let i = 1; i <= 12; i++) made.push((await findOrCreateChildTenant(client, input("Bea's Bakery", `cus_01BAKERY00000000000000000${String(i).padStart(2, "0")}`))).tenant)
    expect(made.map((tenant) => tenant.name)).toEqual([
      "Bea's Bakery",
      ...Array.from({ length: 9 }, (_, i) => `Bea's Bakery (${i + 2})`),
      "Bea's Bakery (00000011)",
      "Bea's Bakery (00000012)",
    ])
    const again = await findOrCreateChildTenant(client, input("Bea's Bakery", "cus_01BAKERY0000000000000000011"))
    expect([again.outcome, again.tenant.id]).toEqual(["found", made[10].id])
  })
})
