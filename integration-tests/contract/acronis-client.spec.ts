/*
 * Contract suite for the Acronis client: every API area over HTTP, the documented error cases and the
 * retry behaviour under injected faults. Runs against the sandbox, or against a real datacenter when
 * ACRONIS_BASE_URL / ACRONIS_CLIENT_ID / ACRONIS_CLIENT_SECRET are set (see target.ts); fault tests
 * need the sandbox control API and are skipped live. Expected values come from the reference
 * (shared/reference/acronis-api.md) and Acronis's OpenAPI spec, not from the sandbox.
 */
import { inspect } from "node:util"
import { AcronisApiError, AcronisClient, type AcronisClientOptions, type Tenant } from "../../src/lib/acronis"
import { LIVE, sandboxIt, startTarget, type ContractTarget, type SandboxControl } from "./target"

jest.setTimeout(LIVE ? 600_000 : 20_000)

const RUN = `ct${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
const BACKUP_APP_ID = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb"
const FILES_APP_ID = "dfd85a5f-a464-32ab-81fd-99bcc66a070f"
/** Switching to production bills the whole month on a real datacenter: opt in explicitly. */
const BILLABLE = !LIVE || process.env.ACRONIS_ALLOW_BILLABLE === "1"
const billableIt = BILLABLE ? it : it.skip

let target: ContractTarget
let control: SandboxControl
let acronis: AcronisClient
let rootTenantId: string
const wire: string[] = []
/** Every tenant this run created, in creation order; removed children-first in afterAll. */
const created: string[] = []

function makeClient(overrides: Partial<AcronisClientOptions> = {}): AcronisClient {
  return new AcronisClient({
    baseUrl: target.baseUrl,
    clientId: target.clientId,
    clientSecret: target.clientSecret,
    retryBaseDelayMs: 20,
    timeoutMs: LIVE ? 30_000 : 3_000,
    logger: { debug: (line) => wire.push(line) },
    ...overrides,
  })
}

/** HTTP status of the most recent call to `method path` as the client saw it on the wire. */
function lastStatus(method: string, path: string): number {
  const prefix = `acronis ${method} /api/2${path} -> `
  const line = [...wire].reverse().find((l) => l.startsWith(prefix))
  if (!line) throw new Error(`no ${method} ${path} on the wire`)
  return Number(line.slice(prefix.length).split(" ")[0])
}

async function apiError(promise: Promise<unknown>): Promise<AcronisApiError> {
  const outcome = await promise.then(
    () => new Error("expected an AcronisApiError, the call succeeded"),
    (error: unknown) => error
  )
  if (!(outcome instanceof AcronisApiError)) throw outcome
  return outcome
}

function uniqueName(label: string): string {
  return `${RUN} ${label} ${Math.random().toString(36).slice(2, 7)}`
}

async function createTenant(label: string, kind: "customer" | "partner" = "customer", parentId = rootTenantId): Promise<Tenant> {
  const tenant = await acronis.tenants.create({
    name: uniqueName(label),
    kind,
    parent_id: parentId,
    customer_id: `${RUN}:${label}`,
    internal_tag: RUN,
    contact: { email: `${RUN}.${label}@example.com`, firstname: "Contract", lastname: "Test" },
  })
  created.push(tenant.id)
  return tenant
}

async function findChildByName(parentId: string, name: string): Promise<Tenant[]> {
  const found: Tenant[] = []
  for await (const tenant of acronis.tenants.iterateChildren(parentId)) if (tenant.name === name) found.push(tenant)
  return found
}

function assertNoSecrets(error: unknown, secrets: string[]): void {
  const renderings = [JSON.stringify(error), String(error), inspect(error, { depth: 10 }), (error as Error).stack ?? ""]
  for (const text of renderings) {
    for (const secret of secrets) expect(text).not.toContain(secret)
    expect(text).not.toMatch(/Bearer |Basic /)
  }
}

beforeAll(async () => {
  target = await startTarget()
  if (target.control) control = target.control
  acronis = makeClient()
  rootTenantId = (await acronis.clients.get()).tenant_id
}, 60_000)

afterAll(async () => {
  if (!target) return
  // Children were created after their parents: delete newest first. Disable, re-read version, delete.
  for (const id of [...created].reverse()) {
    try {
      await acronis.tenants.disable(id)
      const { version } = await acronis.tenants.get(id)
      await acronis.tenants.delete(id, version)
    } catch (error) {
      if (!(error instanceof AcronisApiError && error.status === 404)) {
        // eslint-disable-next-line no-console
        console.warn(`cleanup of tenant ${id} failed: ${(error as Error).message}`)
      }
    }
  }
  await target.stop()
}, 120_000)

afterEach(async () => {
  if (control) await control.clearFaults()
})

describe("auth and clients", () => {
  it("finds the API client's own root tenant: an enabled partner", async () => {
    const client = await acronis.clients.get()
    expect(client.client_id).toBe(target.clientId)
    expect(client.type).toBe("api_client")
    expect(client.status).toBe("enabled")
    expect(lastStatus("GET", `/clients/${target.clientId}`)).toBe(200)
    const root = await acronis.tenants.get(client.tenant_id)
    expect(root).toMatchObject({ id: client.tenant_id, kind: "partner", enabled: true })
  })

  it("wrong credentials: 401 from /idp/token in the OAuth shape, secret kept out of the error", async () => {
    const wrongSecret = `wrong-${RUN}-secret`
    const stranger = makeClient({ clientSecret: wrongSecret, maxRetries: 0 })
    const error = await apiError(stranger.tenants.get(rootTenantId))
    expect(error).toMatchObject({ kind: "http", status: 401, method: "POST", path: "/api/2/idp/token", retryable: false })
    expect(typeof error.code).toBe("string") // OAuth `error`, e.g. "access_denied"
    assertNoSecrets(error, [wrongSecret, Buffer.from(`${target.clientId}:${wrongSecret}`).toString("base64")])
  })

  sandboxIt("401 on an API call: one re-authentication, one retry", async () => {
    const path = `/api/2/tenants/${rootTenantId}`
    await acronis.tenants.get(rootTenantId) // a cached token
    await control.clearRequests()
    await control.fault({
      method: "GET",
      path,
      status: 401,
      times: 1,
      body: { error: { code: 401, message: "Access token is expired", domain: "PlatformAccountServer", details: { info: null } } },
    })
    await expect(acronis.tenants.get(rootTenantId)).resolves.toMatchObject({ id: rootTenantId })
    const log = await control.requests()
    expect(log.filter((r) => r.path === "/api/2/idp/token").map((r) => r.status)).toEqual([200])
    expect(log.filter((r) => r.path === path).map((r) => r.status)).toEqual([401, 200])
  })

  it("a secret or token never shows in a serialized error", async () => {
    const error = await apiError(acronis.tenants.get("00000000-0000-4000-8000-000000000000"))
    const token = await (acronis as unknown as { http: { tokens: { get(): Promise<string> } } }).http.tokens.get()
    assertNoSecrets(error, [target.clientSecret, token])
  })
})

describe("tenants", () => {
  let customer: Tenant

  beforeAll(async () => {
    customer = await createTenant("tenant")
  })

  it("create: 201, a customer in trial under the root, our ids echoed", async () => {
    expect(lastStatus("POST", "/tenants")).toBe(201)
    expect(customer).toMatchObject({
      kind: "customer",
      parent_id: rootTenantId,
      enabled: true,
      customer_id: `${RUN}:tenant`,
      internal_tag: RUN,
      version: 1,
    })
    expect(customer.contact?.email).toBe(`${RUN}.tenant@example.com`)
    if (customer.pricing_mode !== undefined) expect(customer.pricing_mode).toBe("trial")
    const pricing = await acronis.tenants.getPricing(customer.id)
    expect(pricing.mode).toBe("trial")
    expect(Number.isInteger(pricing.version)).toBe(true)
  })

  it("get: 200 with the same tenant; unknown id: 404", async () => {
    const fetched = await acronis.tenants.get(customer.id)
    expect(lastStatus("GET", `/tenants/${customer.id}`)).toBe(200)
    expect(fetched).toMatchObject({ id: customer.id, name: customer.name, version: customer.version })
    const missing = await apiError(acronis.tenants.get("00000000-0000-4000-8000-000000000000"))
    expect(missing).toMatchObject({ kind: "http", status: 404, retryable: false })
  })

  it("GET /tenants without a filter: 400", async () => {
    const error = await apiError(acronis.request({ method: "GET", path: "/tenants" }))
    expect(error).toMatchObject({ kind: "http", status: 400, retryable: false })
  })

  it("sibling name clash: 409 with code 1004", async () => {
    const error = await apiError(
      acronis.tenants.create({ name: customer.name, kind: "customer", parent_id: rootTenantId })
    )
    expect(error).toMatchObject({ kind: "http", status: 409, code: 1004, method: "POST", retryable: false })
  })

  it("update: the version moves on; a stale version answers 409/1001", async () => {
    const before = await acronis.tenants.get(customer.id)
    const renamed = await acronis.tenants.update(customer.id, { version: before.version, name: `${before.name} renamed` })
    expect(lastStatus("PUT", `/tenants/${customer.id}`)).toBe(200)
    expect(renamed).toMatchObject({ name: `${before.name} renamed`, version: before.version + 1 })
    const stale = await apiError(acronis.tenants.update(customer.id, { version: before.version, name: "stale" }))
    expect(stale).toMatchObject({ status: 409, code: 1001, method: "PUT" })
    expect((await acronis.tenants.get(customer.id)).name).toBe(`${before.name} renamed`)
  })

  it("delete: enabled → 400/1006; stale version → 409/1001; disabled with current version → 204, deleting, then 404", async () => {
    const doomed = await createTenant("doomed")
    const enabled = await apiError(acronis.tenants.delete(doomed.id, doomed.version))
    expect(enabled).toMatchObject({ status: 400, code: 1006, method: "DELETE" })

    const disabled = await acronis.tenants.disable(doomed.id)
    expect(disabled).toMatchObject({ enabled: false, version: doomed.version + 1 })
    const again = await acronis.tenants.disable(doomed.id) // already disabled: nothing to do
    expect(again.version).toBe(disabled.version)

    const stale = await apiError(acronis.tenants.delete(doomed.id, doomed.version))
    expect(stale).toMatchObject({ status: 409, code: 1001, method: "DELETE" })

    await acronis.tenants.delete(doomed.id, disabled.version)
    expect(lastStatus("DELETE", `/tenants/${doomed.id}`)).toBe(204)
    // Acronis deletes asynchronously: first "deleting" (writes refused with 1011), then gone (404).
    const deleting = await acronis.tenants.get(doomed.id).catch((error) => error)
    if (control || !(deleting instanceof AcronisApiError)) {
      expect(deleting.external_operation_status).toBe("deleting")
      expect(await apiError(acronis.tenants.delete(doomed.id, deleting.version))).toMatchObject({ code: 1011 })
    } else {
      expect(deleting).toMatchObject({ status: 404 }) // the real platform may already be done
    }
    if (control) {
      await control.advanceClock(3_600_000)
      expect(await apiError(acronis.tenants.get(doomed.id))).toMatchObject({ status: 404 })
      await control.releaseClock() // later tests (reports refused at night) run on the host's time
    }
  })

  it("disable then enable: suspends and resumes", async () => {
    expect((await acronis.tenants.disable(customer.id)).enabled).toBe(false)
    expect((await acronis.tenants.get(customer.id)).enabled).toBe(false)
    expect((await acronis.tenants.enable(customer.id)).enabled).toBe(true)
  })

  it("children: pages with a cursor, the iterator walks every page; batch get by ids", async () => {
    const partner = await createTenant("partner", "partner")
    expect(partner.kind).toBe("partner")
    const kids = [
      await createTenant("kid-a", "customer", partner.id),
      await createTenant("kid-b", "customer", partner.id),
      await createTenant("kid-c", "customer", partner.id),
    ]
    const first = await acronis.tenants.listChildren(partner.id, { limit: 2 })
    expect(first.items).toHaveLength(2)
    expect(first.after).toEqual(expect.any(String))
    const all: Tenant[] = []
    for await (const tenant of acronis.tenants.iterateChildren(partner.id, { pageSize: 2 })) all.push(tenant)
    expect(all.map((t) => t.id).sort()).toEqual(kids.map((t) => t.id).sort())
    expect(all.every((t) => t.parent_id === partner.id)).toBe(true)

    const batch = await acronis.tenants.getMany([kids[0].id, kids[2].id])
    expect(batch.map((t) => t.id).sort()).toEqual([kids[0].id, kids[2].id].sort())
  })

  it("search: finds tenants below the given one by name, case-insensitively, with parent and path", async () => {
    const partner = await createTenant("search-partner", "partner")
    const kid = await createTenant("search-kid", "customer", partner.id)
    const hits = await acronis.search.find(partner.id, kid.name.toUpperCase(), { limit: 5 })
    expect(lastStatus("GET", "/search")).toBe(200)
    expect(hits).toEqual([expect.objectContaining({ obj_type: "tenant", id: kid.id, parent_id: partner.id, name: kid.name, kind: "customer" })])
    expect(hits[0].path).toEqual(expect.arrayContaining([partner.name]))
    expect(await acronis.search.find(partner.id, `${RUN} nobody has this name`)).toEqual([])
  })

  billableIt("pricing: trial → production, never back", async () => {
    const trial = await acronis.tenants.getPricing(customer.id)
    expect(trial.mode).toBe("trial")
    const production = await acronis.tenants.setPricing(customer.id, { mode: "production", version: trial.version })
    expect(lastStatus("PUT", `/tenants/${customer.id}/pricing`)).toBe(200)
    expect(production.mode).toBe("production")
    expect((await acronis.tenants.getPricing(customer.id)).mode).toBe("production")
    const back = await apiError(acronis.tenants.setPricing(customer.id, { mode: "trial", version: production.version }))
    expect(back.kind).toBe("http")
    expect(back.status).toBeGreaterThanOrEqual(400)
    expect(back.status).toBeLessThan(500)
    expect((await acronis.tenants.getPricing(customer.id)).mode).toBe("production")
  })
})

describe("applications", () => {
  it("lists the services with their documented types and ids", async () => {
    const apps = await acronis.applications.list()
    const types = apps.map((a) => a.type)
    for (const type of ["backup", "files_cloud", "physical_data_shipping", "notary", "platform"]) expect(types).toContain(type)
    expect(apps.find((a) => a.type === "backup")?.id).toBe(BACKUP_APP_ID)
  })

  sandboxIt("reuses the services list and available_for_child only for a caller that passes maxAgeMs", async () => {
    const cached = makeClient()
    await control.clearRequests()
    await cached.applications.list({ maxAgeMs: 60_000 })
    await cached.applications.list({ maxAgeMs: 60_000 })
    await cached.offeringItems.availableForChild(rootTenantId, { kind: "customer", maxAgeMs: 60_000 })
    await cached.offeringItems.availableForChild(rootTenantId, { kind: "customer", maxAgeMs: 60_000 })
    await cached.offeringItems.availableForChild(rootTenantId, { kind: "partner", maxAgeMs: 60_000 })
    await cached.applications.list()
    cached.forgetCachedReads()
    await cached.applications.list({ maxAgeMs: 60_000 })
    const paths = (await control.requests()).map((r) => r.path).filter((path) => path !== "/api/2/idp/token")
    expect(paths).toEqual([
      "/api/2/applications",
      `/api/2/tenants/${rootTenantId}/offering_items/available_for_child`,
      `/api/2/tenants/${rootTenantId}/offering_items/available_for_child`,
      "/api/2/applications",
      "/api/2/applications",
    ])
  })

  it("enables and disables a service for a tenant (204 each)", async () => {
    const tenant = await createTenant("apps")
    await acronis.applications.enableForTenant(BACKUP_APP_ID, tenant.id)
    expect(lastStatus("POST", `/applications/${BACKUP_APP_ID}/bindings/tenants/${tenant.id}`)).toBe(204)
    expect(await acronis.applications.listForTenant(tenant.id)).toContain(BACKUP_APP_ID)
    await acronis.applications.disableForTenant(BACKUP_APP_ID, tenant.id)
    expect(lastStatus("DELETE", `/applications/${BACKUP_APP_ID}/bindings/tenants/${tenant.id}`)).toBe(204)
    expect(await acronis.applications.listForTenant(tenant.id)).not.toContain(BACKUP_APP_ID)
  })

  it("sets a partner's commitment tier (platform setting tier_level_value); a customer has none: 400", async () => {
    const platform = (await acronis.applications.list()).find((app) => app.type === "platform")!
    const partner = await createTenant("tier", "partner")

    const set = await acronis.applications.setTenantSetting(platform.id, partner.id, "tier_level_value", 2)

    expect(set).toEqual(expect.objectContaining({ name: "tier_level_value", own: expect.objectContaining({ value: 2 }) }))
    const read = await acronis.applications.getTenantSetting(platform.id, partner.id, "tier_level_value")
    expect(read.effective).toEqual(expect.objectContaining({ value: 2 }))
    const customer = await createTenant("tier-customer")
    const refused = await apiError(acronis.applications.setTenantSetting(platform.id, customer.id, "tier_level_value", 2))
    expect(refused.status).toBe(400)
  })
})

describe("offering items", () => {
  let customer: Tenant

  beforeAll(async () => {
    customer = await createTenant("offering")
  })

  it("available_for_child: per-workload items for a customer, infra storage in bytes", async () => {
    const items = await acronis.offeringItems.availableForChild(rootTenantId, { kind: "customer", edition: "pck_per_workload" })
    expect(items.length).toBeGreaterThan(0)
    // Items without an edition (local storage, PDS, Notary) are not filtered out by an edition.
    expect(items.every((i) => i.edition === "pck_per_workload" || i.edition == null)).toBe(true)
    expect(items.some((i) => i.edition === "pck_per_gigabyte")).toBe(false)
    const storage = items.find((i) => i.name === "pw_base_storage")
    expect(storage).toMatchObject({ type: "infra", measurement_unit: "bytes", application_id: BACKUP_APP_ID })
    expect(storage?.infra_id).toEqual(expect.any(String))
    expect(items.find((i) => i.name === "pw_base_workstations")).toMatchObject({ type: "count", measurement_unit: "quantity" })
  })

  it("list with edition * spans editions; a named edition filters", async () => {
    const all = await acronis.offeringItems.list(rootTenantId, { edition: "*" })
    const names = all.map((i) => i.name)
    expect(names).toEqual(expect.arrayContaining(["pw_base_workstations", "pg_base_workstations", "pu_base_fc_seats"]))
    // The API's default is `standard` (legacy): without an edition the client asks for every one.
    expect((await acronis.offeringItems.list(rootTenantId)).map((i) => i.name)).toEqual(expect.arrayContaining(["pw_base_workstations", "pu_base_fc_seats"]))
    const forChild = await acronis.offeringItems.availableForChild(rootTenantId, { kind: "customer" })
    expect(forChild.map((i) => i.name)).toEqual(expect.arrayContaining(["pg_base_workstations", "pu_base_fc_seats"]))
    const perGb = await acronis.offeringItems.list(rootTenantId, { edition: "pck_per_gigabyte" })
    expect(perGb.length).toBeGreaterThan(0)
    expect(perGb.every((i) => i.edition === "pck_per_gigabyte" || i.edition == null)).toBe(true)
    expect(perGb.some((i) => i.edition === "pck_per_gigabyte")).toBe(true)
  })

  it("update: enables items with quotas; disabled items carry no quota; a stale quota version answers 426", async () => {
    const offer = await acronis.offeringItems.availableForChild(rootTenantId, { kind: "customer", edition: "pck_per_workload" })
    const storage = offer.find((i) => i.name === "pw_base_storage")!
    const before = await acronis.offeringItems.list(customer.id, { edition: "pck_per_workload" })
    expect(before.filter((i) => i.status === 0).every((i) => i.quota === undefined)).toBe(true)
    const workstations = before.find((i) => i.name === "pw_base_workstations")!
    const v0 = workstations.quota?.version ?? 0

    const updated = await acronis.offeringItems.update(customer.id, [
      { application_id: workstations.application_id, name: "pw_base_workstations", status: 1, quota: { value: 5, overage: 1, version: v0 } },
      { application_id: storage.application_id, name: "pw_base_storage", infra_id: storage.infra_id, status: 1, quota: { value: null, overage: null, version: 0 } },
    ])
    expect(lastStatus("PUT", `/tenants/${customer.id}/offering_items`)).toBe(200)
    expect(updated.find((i) => i.name === "pw_base_workstations")).toMatchObject({ status: 1, quota: { value: 5, overage: 1 } })

    const after = await acronis.offeringItems.list(customer.id, { edition: "pck_per_workload" })
    const enabled = after.find((i) => i.name === "pw_base_workstations")!
    expect(enabled).toMatchObject({ status: 1, quota: { value: 5, overage: 1 } })
    expect(after.find((i) => i.name === "pw_base_storage")).toMatchObject({ status: 1, quota: { value: null, overage: null } })
    expect(enabled.quota!.version).not.toBe(v0)

    const stale = await apiError(
      acronis.offeringItems.update(customer.id, [
        { application_id: enabled.application_id, name: "pw_base_workstations", status: 1, quota: { value: 9, overage: 0, version: v0 } },
      ])
    )
    expect(stale).toMatchObject({ kind: "http", status: 426, method: "PUT" })
    const unchanged = (await acronis.offeringItems.list(customer.id, { edition: "pck_per_workload" })).find((i) => i.name === "pw_base_workstations")
    expect(unchanged?.quota?.value).toBe(5)
  })

  it("an item the parent lacks cannot be given to the child: 400/1021", async () => {
    const partner = await createTenant("oi-partner", "partner")
    const child = await createTenant("oi-child", "customer", partner.id)
    const item = (await acronis.offeringItems.list(partner.id, { edition: "pck_per_workload" })).find((i) => i.name === "pw_base_workstations")!
    if (item.status === 1) {
      await acronis.offeringItems.update(partner.id, [{ application_id: item.application_id, name: item.name, status: 0 }])
    }
    const error = await apiError(
      acronis.offeringItems.update(child.id, [{ application_id: item.application_id, name: "pw_base_workstations", status: 1 }])
    )
    expect(error).toMatchObject({ kind: "http", status: 400, code: 1021 })
  })
})

describe("users", () => {
  let customer: Tenant
  const login = `${RUN}-admin`
  const email = `${RUN}.admin@example.com`
  let userId: string

  beforeAll(async () => {
    customer = await createTenant("users")
  })

  it("check_login 204 when free; create answers 200 with an inactive user; then check_login 409", async () => {
    expect(await acronis.users.checkLogin(login)).toEqual({ available: true })
    expect(lastStatus("GET", "/users/check_login")).toBe(204)

    const user = await acronis.users.create({
      tenant_id: customer.id,
      login,
      contact: { email, firstname: "Ada", lastname: "Admin" },
    })
    expect(lastStatus("POST", "/users")).toBe(200)
    expect(user).toMatchObject({ tenant_id: customer.id, login, activated: false, enabled: true })
    expect(user.contact.email).toBe(email)
    userId = user.id

    expect(await acronis.users.checkLogin(login)).toEqual({ available: false })
    expect(lastStatus("GET", "/users/check_login")).toBe(409)
  })

  it("logins are unique platform-wide: a second create with the same login answers 409", async () => {
    const other = await createTenant("users-2")
    for (const tenantId of [customer.id, other.id]) {
      const error = await apiError(acronis.users.create({ tenant_id: tenantId, login, contact: { email } }))
      expect(error).toMatchObject({ kind: "http", status: 409, method: "POST", retryable: false })
    }
  })

  it("get and update with version; a stale version answers 409", async () => {
    const user = await acronis.users.get(userId)
    expect(user).toMatchObject({ id: userId, login })
    const updated = await acronis.users.update(userId, { version: user.version, contact: { email, firstname: "Grace", lastname: "Admin" } })
    expect(lastStatus("PUT", `/users/${userId}`)).toBe(200)
    expect(updated).toMatchObject({ version: user.version + 1 })
    expect(updated.contact.firstname).toBe("Grace")
    const stale = await apiError(acronis.users.update(userId, { version: user.version, language: "de" }))
    expect(stale).toMatchObject({ status: 409, method: "PUT" })
  })

  it("access policies: PUT replaces the set with company_admin on the customer", async () => {
    const policies = await acronis.users.setAccessPolicies(userId, [{ role_id: "company_admin", tenant_id: customer.id }])
    expect(lastStatus("PUT", `/users/${userId}/access_policies`)).toBe(200)
    expect(policies).toHaveLength(1)
    expect(policies[0]).toMatchObject({ role_id: "company_admin", tenant_id: customer.id, trustee_id: userId, trustee_type: "user" })
    expect(policies[0].id).not.toBe("00000000-0000-0000-0000-000000000000")
    const read = await acronis.users.getAccessPolicies(userId)
    expect(read.map((p) => [p.role_id, p.tenant_id])).toEqual([["company_admin", customer.id]])
  })

  it("activation e-mail: 204 and an e-mail to the user's address", async () => {
    await acronis.users.sendActivationEmail(userId)
    expect(lastStatus("POST", `/users/${userId}/send-activation-email`)).toBe(204)
    if (control) {
      const mails = await control.emails()
      expect(mails).toEqual(expect.arrayContaining([expect.objectContaining({ to: email, user_id: userId, login })]))
    }
  })

  it("set password: 204; the password never shows in an error", async () => {
    const password = `Pw-${RUN}-x9!Q`
    await acronis.users.setPassword(userId, password)
    expect(lastStatus("POST", `/users/${userId}/password`)).toBe(204)
    const error = await apiError(acronis.users.setPassword("00000000-0000-4000-8000-000000000000", password))
    expect(error.status).toBe(404)
    assertNoSecrets(error, [password])
  })
})

describe("usages", () => {
  it("batch usages per tenant for the tenants asked", async () => {
    const tenant = await createTenant("usage")
    if (control) {
      const today = new Date().toISOString().slice(0, 10)
      await control.setUsages([
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", edition: "pck_per_workload", date: today, value: 3 },
      ])
    }
    const result = await acronis.usages.listForTenants([tenant.id, rootTenantId])
    expect(lastStatus("GET", "/tenants/usages")).toBe(200)
    for (const entry of result) expect([tenant.id, rootTenantId]).toContain(entry.tenant)
    if (control) {
      const mine = result.find((r) => r.tenant === tenant.id)
      expect(mine?.usages.find((u) => u.name === "pw_base_workstations")).toMatchObject({
        value: 3,
        edition: "pck_per_workload",
        measurement_unit: "quantity",
        application_id: BACKUP_APP_ID,
      })
    }
  })

  // Without `editions` Acronis returns the legacy `standard` edition only: the client names every edition.
  sandboxIt("a tenant's usages include the per-workload and per-user editions unless the caller narrows them", async () => {
    const tenant = await createTenant("usage-editions")
    const today = new Date().toISOString().slice(0, 10)
    await acronis.offeringItems.update(tenant.id, [
      { application_id: BACKUP_APP_ID, name: "pw_base_servers", status: 1 },
      { application_id: FILES_APP_ID, name: "pu_base_fc_seats", status: 1 },
    ])
    await control.setUsages([
      { tenant_id: tenant.id, offering_item: "pw_base_servers", date: today, value: 2 },
      { tenant_id: tenant.id, offering_item: "pu_base_fc_seats", date: today, value: 5 },
    ])
    const values = (usages: { name: string; value: number }[]) =>
      Object.fromEntries(usages.filter((u) => u.value > 0).map((u) => [u.name, u.value]))
    expect(values(await acronis.usages.listForTenant(tenant.id))).toEqual({ pw_base_servers: 2, pu_base_fc_seats: 5 })
    const [batch] = await acronis.usages.listForTenants([tenant.id])
    expect(values(batch.usages)).toEqual({ pw_base_servers: 2, pu_base_fc_seats: 5 })
    expect(values(await acronis.usages.listForTenant(tenant.id, { editions: ["fss_per_user"] }))).toEqual({ pu_base_fc_seats: 5 })
  })
})

describe("reports", () => {
  it("usage_summary: created (200), stored as json_v2_0, downloaded and parsed", async () => {
    // The month before last: the month that just ended is refused from 1 to 6 am UTC on the 1st.
    const now = new Date()
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1))
    const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 0))
    const period = { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) }
    let tenant: Tenant | undefined
    if (control) {
      tenant = await createTenant("report")
      await control.setUsages([
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", edition: "pck_per_workload", date: period.start, value: 7 },
      ])
    }

    const report = await acronis.reports.create({ tenant_id: rootTenantId, period })
    expect(lastStatus("POST", "/reports")).toBe(200)
    expect(report).toMatchObject({
      parameters: { kind: "usage_summary", tenant_id: rootTenantId, level: "accounts", period },
      schedule: { type: "once" },
      result_action: "save",
    })

    const stored = await acronis.reports.waitForStored(report.id, {
      pollMs: LIVE ? 10_000 : 100,
      timeoutMs: LIVE ? 400_000 : 10_000,
      format: "json_v2_0",
    })
    expect(stored).toMatchObject({ status: "saved", report_format: "json_v2_0" })

    const file = await acronis.reports.download(report.id, stored.id)
    expect(lastStatus("GET", `/reports/${report.id}/stored/${stored.id}`)).toBe(200)
    expect(Array.isArray(file.tenants)).toBe(true)
    if (tenant) expect(JSON.stringify(file.tenants)).toContain(tenant.id)
  })
})

describe("faults and retries", () => {
  const fast = () => makeClient({ retryBaseDelayMs: 10, maxRetries: 3, timeoutMs: 400 })

  sandboxIt("429 with Retry-After: 1 → waits about a second, then succeeds", async () => {
    const path = `/api/2/tenants/${rootTenantId}`
    await control.clearRequests()
    await control.fault({ method: "GET", path, status: 429, retryAfter: 1, times: 1 })
    const started = Date.now()
    await expect(fast().tenants.get(rootTenantId)).resolves.toMatchObject({ id: rootTenantId })
    const waited = Date.now() - started
    expect(waited).toBeGreaterThanOrEqual(950)
    expect(waited).toBeLessThan(3_000)
    expect((await control.requests()).filter((r) => r.path === path).map((r) => r.status)).toEqual([429, 200])
  })

  sandboxIt("503 three times, then success within the default budget of 3 retries", async () => {
    const path = `/api/2/tenants/${rootTenantId}`
    await control.clearRequests()
    await control.fault({ method: "GET", path, status: 503, times: 3 })
    await expect(fast().tenants.get(rootTenantId)).resolves.toMatchObject({ id: rootTenantId })
    expect((await control.requests()).filter((r) => r.path === path).map((r) => r.status)).toEqual([503, 503, 503, 200])
  })

  sandboxIt("503 beyond the budget: the error says so and is retryable", async () => {
    await control.fault({ method: "GET", path: `/api/2/tenants/${rootTenantId}`, status: 503, times: 5 })
    const error = await apiError(fast().tenants.get(rootTenantId))
    expect(error).toMatchObject({ kind: "http", status: 503, retryable: true, attempts: 4 })
  })

  sandboxIt("a hanging answer times out (kind timeout); a retried GET after one hang succeeds", async () => {
    const path = `/api/2/tenants/${rootTenantId}`
    await control.fault({ method: "GET", path, kind: "hang", times: 1 })
    const error = await apiError(makeClient({ timeoutMs: 300, maxRetries: 0 }).tenants.get(rootTenantId))
    expect(error).toMatchObject({ kind: "timeout", status: 0, retryable: true, method: "GET", path })

    await control.fault({ method: "GET", path, kind: "hang", times: 1 })
    const started = Date.now()
    await expect(makeClient({ timeoutMs: 300, retryBaseDelayMs: 10 }).tenants.get(rootTenantId)).resolves.toMatchObject({ id: rootTenantId })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  sandboxIt("a dropped connection is retried for GET", async () => {
    await control.fault({ method: "GET", path: `/api/2/tenants/${rootTenantId}`, kind: "drop", times: 1 })
    await expect(fast().tenants.get(rootTenantId)).resolves.toMatchObject({ id: rootTenantId })
  })

  sandboxIt("a dropped connection is not retried for POST create: nothing created twice", async () => {
    // Dropped before processing: network error, no tenant (a retry would have created it).
    const lostName = uniqueName("dropped")
    await control.fault({ method: "POST", path: "/api/2/tenants", kind: "drop", times: 1 })
    const lost = await apiError(fast().tenants.create({ name: lostName, kind: "customer", parent_id: rootTenantId }))
    expect(lost).toMatchObject({ kind: "network", status: 0, retryable: true, method: "POST", attempts: 1 })
    expect(await findChildByName(rootTenantId, lostName)).toHaveLength(0)

    // Processed, then dropped: the caller looks for what was created and finds exactly one tenant.
    const madeName = uniqueName("dropped-after")
    await control.fault({ method: "POST", path: "/api/2/tenants", kind: "drop", after: true, times: 1 })
    const made = await apiError(fast().tenants.create({ name: madeName, kind: "customer", parent_id: rootTenantId }))
    expect(made).toMatchObject({ kind: "network", retryable: true, attempts: 1 })
    const found = await findChildByName(rootTenantId, madeName)
    created.push(...found.map((t) => t.id))
    expect(found).toHaveLength(1)
  })

  sandboxIt("a 200 with an unexpected shape: kind invalid_response naming the path and the field", async () => {
    const path = `/api/2/tenants/${rootTenantId}`
    await control.fault({ method: "GET", path, status: 200, body: { id: rootTenantId, version: "7", name: "x", kind: "partner" } })
    const error = await apiError(fast().tenants.get(rootTenantId))
    expect(error).toMatchObject({ kind: "invalid_response", status: 200, retryable: false, path })
    expect(error.message).toContain(path)
    expect(error.message).toContain("`version`")
  })

  sandboxIt("a PUT applied but dropped is retried and meets its own new version: 409/1001 after 2 attempts", async () => {
    const tenant = await createTenant("put-drop")
    await control.fault({ method: "PUT", path: `/api/2/tenants/${tenant.id}`, kind: "drop", after: true, times: 1 })
    const error = await apiError(fast().tenants.update(tenant.id, { version: tenant.version, name: `${tenant.name} v2` }))
    expect(error).toMatchObject({ status: 409, code: 1001, attempts: 2 })
    expect(await acronis.tenants.get(tenant.id)).toMatchObject({ name: `${tenant.name} v2`, version: tenant.version + 1 })
  })
})
