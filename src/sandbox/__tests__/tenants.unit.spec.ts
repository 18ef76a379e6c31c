import { startAcronisSandbox, type RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

describe("Acronis sandbox: auth and tenants", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(() => http.control("POST", "/reset"))

  describe("token and bearer auth", () => {
    it("issues a bearer token for the client credentials", async () => {
      const basic = Buffer.from(`${sandbox.clientId}:${sandbox.clientSecret}`).toString("base64")
      const res = await http.raw("POST", "/api/2/idp/token", "grant_type=client_credentials", {
        authorization: `Basic ${basic}`,
        "content-type": "application/x-www-form-urlencoded",
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ token_type: "bearer", expires_in: 7200 })
      expect(typeof res.body.access_token).toBe("string")
      expect(typeof res.body.id_token).toBe("string")
      expect(res.body.expires_on).toBeGreaterThan(Date.now() / 1000 + 7000)
    })

    it("refuses a wrong secret with the OAuth error shape", async () => {
      const basic = Buffer.from(`${sandbox.clientId}:wrong`).toString("base64")
      const res = await http.raw("POST", "/api/2/idp/token", "grant_type=client_credentials", {
        authorization: `Basic ${basic}`,
        "content-type": "application/x-www-form-urlencoded",
      })
      expect(res.status).toBe(401)
      expect(res.body).toEqual({ error: "access_denied", error_description: expect.any(String) })
    })

    it("answers 401 in the error format for a missing, unknown or expired bearer", async () => {
      const missing = await http.raw("GET", `/api/2/tenants/${sandbox.rootTenantId}`)
      expect(missing.status).toBe(401)
      expect(missing.body.error).toMatchObject({ code: 401, domain: "PlatformAccountServer", message: expect.any(String) })

      const unknown = await http.raw("GET", `/api/2/tenants/${sandbox.rootTenantId}`, undefined, { authorization: "Bearer nope" })
      expect(unknown.status).toBe(401)

      await http.getToken()
      expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).status).toBe(200)
      await http.control("POST", "/tokens/expire")
      expect((await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).status).toBe(401)
      await http.getToken()
    })

    it("expires tokens after tokenTtlSeconds", async () => {
      const shortLived = await startAcronisSandbox({ tokenTtlSeconds: 1 })
      try {
        const client = new SandboxHttp(shortLived)
        expect((await client.api("GET", `/tenants/${shortLived.rootTenantId}`)).status).toBe(200)
        await new Promise((r) => setTimeout(r, 1100))
        expect((await client.api("GET", `/tenants/${shortLived.rootTenantId}`)).status).toBe(401)
      } finally {
        await shortLived.stop()
      }
    })

    it("tells the API client its own tenant", async () => {
      const res = await http.api("GET", `/clients/${sandbox.clientId}`)
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ client_id: sandbox.clientId, tenant_id: sandbox.rootTenantId, type: "api_client", status: "enabled" })
    })
  })

  describe("tenants", () => {
    it("creates a tenant with 201 in trial", async () => {
      const res = await http.api("POST", "/tenants", {
        name: "Acme",
        kind: "customer",
        parent_id: sandbox.rootTenantId,
        customer_id: "cus_1",
        internal_tag: "medusa:cus_1",
        contact: { email: "it@acme.test", firstname: "Ada" },
      })
      expect(res.status).toBe(201)
      expect(res.body).toMatchObject({
        name: "Acme",
        kind: "customer",
        parent_id: sandbox.rootTenantId,
        enabled: true,
        version: 1,
        customer_id: "cus_1",
        internal_tag: "medusa:cus_1",
        language: "en",
        pricing_mode: "trial",
        contact: { email: "it@acme.test", firstname: "Ada" },
      })
      const read = await http.api("GET", `/tenants/${res.body.id}`)
      expect(read.body).toEqual(res.body)
    })

    it("answers 415 for a JSON body without the JSON content type", async () => {
      const body = JSON.stringify({ name: "Acme", kind: "customer", parent_id: sandbox.rootTenantId })
      const res = await http.api("POST", "/tenants", body, { "content-type": "text/plain" })
      expect(res.status).toBe(415)
      expect(res.body.error.code).toBe(415)
    })

    it("rejects fields the spec does not allow, such as pricing_mode on create", async () => {
      const res = await http.api("POST", "/tenants", { name: "X", kind: "customer", parent_id: sandbox.rootTenantId, pricing_mode: "production" })
      expect(res.status).toBe(400)
    })

    it("refuses a sibling with the same name: 409 code 1004", async () => {
      await http.createTenant("Acme")
      const res = await http.api("POST", "/tenants", { name: "Acme", kind: "customer", parent_id: sandbox.rootTenantId })
      expect(res.status).toBe(409)
      expect(res.body.error).toMatchObject({ code: 1004, domain: "PlatformAccountServer" })
      // Same name under another parent is fine.
      const partner = await http.createTenant("Reseller", "partner")
      await http.createTenant("Acme", "customer", partner.id)
    })

    it("answers 400 for GET /tenants without a filter", async () => {
      const res = await http.api("GET", "/tenants")
      expect(res.status).toBe(400)
      expect(res.body.error.message).toContain("required_without_all")
    })

    it("pages children of a parent with cursors", async () => {
      for (const name of ["A", "B", "C", "D", "E"]) await http.createTenant(name)
      const first = await http.api("GET", `/tenants?parent_id=${sandbox.rootTenantId}&limit=2`)
      expect(first.status).toBe(200)
      expect(first.body.items.map((t: any) => t.name)).toEqual(["A", "B"])
      expect(typeof first.body.timestamp).toBe("string")
      const names = [...first.body.items.map((t: any) => t.name)]
      let after = first.body.paging.cursors.after
      while (after) {
        const page = await http.api("GET", `/tenants?after=${encodeURIComponent(after)}`)
        expect(page.status).toBe(200)
        names.push(...page.body.items.map((t: any) => t.name))
        after = page.body.paging.cursors.after
      }
      expect(names).toEqual(["A", "B", "C", "D", "E"])
    })

    it("fetches tenants by uuids and says mutually exclusive filters are a 400", async () => {
      const a = await http.createTenant("A")
      const b = await http.createTenant("B")
      const res = await http.api("GET", `/tenants?uuids=${a.id},${b.id}&lod=basic`)
      expect(res.body.items.map((t: any) => t.id)).toEqual([a.id, b.id])
      expect(res.body.items[0]).not.toHaveProperty("pricing_mode")
      expect((await http.api("GET", `/tenants?uuids=${a.id}&parent_id=${sandbox.rootTenantId}`)).status).toBe(400)
    })

    it("gives batch items every field the spec's tenant batch schemas require, and only those at stamps and basic", async () => {
      const a = await http.createTenant("A")
      const stamps = ["id", "parent_id", "version", "created_at", "updated_at", "deleted_at", "contacts", "offering_items"]
      const basic = [...stamps, "name", "kind", "enabled"]
      const full = [
        ...basic, "customer_type", "brand_id", "brand_uuid", "brand_enabled", "barrier", "internal_tag", "language",
        "has_children", "default_idp_id", "update_lock", "ancestral_access", "mfa_status", "pricing_mode", "contact",
      ]
      const item = async (lod: string) => (await http.api("GET", `/tenants?uuids=${a.id}&lod=${lod}`)).body.items[0]
      // stamps and basic are additionalProperties: false in the spec; full allows more.
      expect(Object.keys(await item("stamps")).sort()).toEqual([...stamps].sort())
      expect(Object.keys(await item("basic")).sort()).toEqual([...basic].sort())
      const fullItem = await item("full")
      expect(full.filter((key) => !(key in fullItem))).toEqual([])
      expect(fullItem).toMatchObject({ contacts: [], offering_items: [], barrier: expect.any(Number) })
      const byParent = (await http.api("GET", `/tenants?parent_id=${sandbox.rootTenantId}`)).body.items[0]
      expect(full.filter((key) => !(key in byParent))).toEqual([])
    })

    it("updates with the current version and answers 409 code 1001 for a stale one", async () => {
      const tenant = await http.createTenant("Acme")
      const ok = await http.api("PUT", `/tenants/${tenant.id}`, { version: 1, name: "Acme Ltd", internal_tag: "t-1" })
      expect(ok.status).toBe(200)
      expect(ok.body).toMatchObject({ name: "Acme Ltd", internal_tag: "t-1", version: 2 })
      const stale = await http.api("PUT", `/tenants/${tenant.id}`, { version: 1, name: "Again" })
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe(1001)
    })

    it("disables and enables through PUT enabled", async () => {
      const tenant = await http.createTenant("Acme")
      const off = await http.api("PUT", `/tenants/${tenant.id}`, { version: 1, enabled: false })
      expect(off.body).toMatchObject({ enabled: false, version: 2 })
      const on = await http.api("PUT", `/tenants/${tenant.id}`, { version: 2, enabled: true })
      expect(on.body).toMatchObject({ enabled: true, version: 3 })
    })

    it("deletes only disabled tenants with the current version", async () => {
      const tenant = await http.createTenant("Acme")
      const enabled = await http.api("DELETE", `/tenants/${tenant.id}?version=1`)
      expect(enabled.status).toBe(400)
      expect(enabled.body.error).toMatchObject({ code: 1006, message: "It is prohibited to delete a non-disabled tenant." })

      await http.api("PUT", `/tenants/${tenant.id}`, { version: 1, enabled: false })
      const stale = await http.api("DELETE", `/tenants/${tenant.id}?version=1`)
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe(1001)

      expect((await http.api("DELETE", `/tenants/${tenant.id}?version=2`)).status).toBe(204)
      expect((await http.api("GET", `/tenants/${tenant.id}`)).status).toBe(404)
      expect((await http.api("GET", `/tenants/${tenant.id}?allow_deleted=true`)).body.deleted_at).not.toBeNull()
      // The name is free again.
      await http.createTenant("Acme")
    })

    it("refuses a unit directly under a partner", async () => {
      const res = await http.api("POST", "/tenants", { name: "U", kind: "unit", parent_id: sandbox.rootTenantId })
      expect(res.status).toBe(400)
    })
  })

  describe("tenants outside the API client's tree", () => {
    // A second partner under the same platform tenant, seeded with a customer and a user (see state.ts).
    const foreign = async () => {
      const state = (await http.control("GET", "/state")).body
      const partner = state.foreign.tenants.find((t: any) => t.kind === "partner")
      const customer = state.foreign.tenants.find((t: any) => t.kind === "customer")
      return { partner, customer, user: state.foreign.users[0] }
    }
    const expect403 = (res: { status: number; body: any }, label: string) => {
      expect([label, res.status]).toEqual([label, 403])
      // The spec's errorScheme: code, domain, message and details are required.
      expect([label, res.body.error]).toEqual([
        label,
        expect.objectContaining({ code: 1002, domain: "PlatformAccountServer", message: expect.any(String), details: expect.any(Object) }),
      ])
    }

    it("answers 403 for every call naming a foreign tenant, 404 for an id that exists nowhere, and changes nothing", async () => {
      const { partner, customer } = await foreign()
      const own = await http.createTenant("Acme")
      const platform = (await http.api("GET", `/tenants/${sandbox.rootTenantId}`)).body.parent_id
      const calls: [string, string, unknown?][] = [
        ["GET", `/tenants/${partner.id}`],
        ["GET", `/tenants/${customer.id}`],
        ["GET", `/tenants/${platform}`],
        ["PUT", `/tenants/${customer.id}`, { version: 1, name: "Mine now" }],
        ["DELETE", `/tenants/${customer.id}?version=1`],
        ["POST", "/tenants", { name: "Sneaky", kind: "customer", parent_id: partner.id }],
        ["PUT", `/tenants/${own.id}`, { version: 1, parent_id: partner.id }],
        ["GET", `/tenants?parent_id=${partner.id}`],
        ["GET", `/tenants?subtree_root_id=${partner.id}`],
        ["GET", `/tenants?uuids=${own.id},${customer.id}`],
        ["GET", `/tenants/${partner.id}/children`],
        ["GET", `/tenants/${customer.id}/offering_items`],
        ["GET", `/tenants/${partner.id}/offering_items/available_for_child`],
        ["PUT", `/tenants/${customer.id}/offering_items`, { offering_items: [] }],
        ["GET", `/tenants/${customer.id}/usages`],
        ["GET", `/tenants/usages?tenants=${customer.id}`],
        ["GET", `/tenants/${customer.id}/pricing`],
        ["GET", `/tenants/${customer.id}/users`],
        ["GET", `/users?subtree_root_tenant_id=${partner.id}`],
        ["POST", "/users", { tenant_id: customer.id, login: "intruder", contact: { email: "intruder@acme.test" } }],
        ["GET", `/search?tenant=${partner.id}&text=other`],
      ]
      for (const [method, path, body] of calls) expect403(await http.api(method, path, body), `${method} ${path}`)

      const missing = await http.api("GET", "/tenants/5a4db0c5-0000-4000-8000-00000000dead")
      expect(missing.status).toBe(404)
      expect(missing.body.error.code).toBe(1005)
      expect((await foreign()).customer).toEqual(customer)
      expect((await http.api("GET", `/tenants/${own.id}`)).body.parent_id).toBe(sandbox.rootTenantId)
    })

    it("shows the foreign subtree in no listing the client can make", async () => {
      const { partner, customer, user } = await foreign()
      const acme = await http.createTenant("Other Acme")
      const root = sandbox.rootTenantId
      const ids = (items: any[]) => items.map((item: any) => (typeof item === "string" ? item : item.id))

      const subtree = await http.api("GET", `/tenants?subtree_root_id=${root}`)
      expect(ids(subtree.body.items)).toEqual([root, acme.id])
      expect(ids((await http.api("GET", `/tenants?parent_id=${root}`)).body.items)).toEqual([acme.id])
      expect((await http.api("GET", `/tenants/${root}/children`)).body.items).toEqual([acme.id])
      // "Other" matches the foreign partner's, customer's and user's names too.
      const found = await http.api("GET", `/search?tenant=${root}&text=other`)
      expect(ids(found.body.items)).toEqual([acme.id])
      const users = await http.api("GET", `/users?subtree_root_tenant_id=${root}`)
      expect(users.body.items).toEqual([])
      // Only the control API sees it, apart from the client's own tree.
      const state = (await http.control("GET", "/state")).body
      expect(ids(state.tenants)).toEqual([root, acme.id])
      expect(ids(state.foreign.tenants)).toEqual([partner.id, customer.id])
      expect(ids(state.foreign.users)).toEqual([user.id])
    })
  })

  describe("search", () => {
    it("finds tenants below the given one by name, case-insensitively, with their path, and honours limit", async () => {
      const partner = await http.createTenant("Reseller One", "partner")
      const below = await http.createTenant("Acme Corp", "customer", partner.id)
      const direct = await http.createTenant("ACME corp (2)")
      await http.createTenant("Other Inc")

      const res = await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=acme%20corp`)
      expect(res.status).toBe(200)
      expect(res.body.items).toEqual([
        { obj_type: "tenant", id: below.id, parent_id: partner.id, path: ["Sandbox MSP", "Reseller One"], kind: "customer", name: "Acme Corp", first_name: null, last_name: null, deleted_at: null },
        expect.objectContaining({ obj_type: "tenant", id: direct.id, parent_id: sandbox.rootTenantId, path: ["Sandbox MSP"], name: "ACME corp (2)" }),
      ])
      const limited = await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=acme&limit=1`)
      expect(limited.body.items.map((item: { id: string }) => item.id)).toEqual([below.id])
      // Only the subtree of `tenant` is searched.
      const scoped = await http.api("GET", `/search?tenant=${partner.id}&text=acme`)
      expect(scoped.body.items.map((item: { id: string }) => item.id)).toEqual([below.id])
    })

    it("defaults to 10 results and finds neither customer_id nor internal_tag, nor deleted tenants unless allow_deleted", async () => {
      for (let i = 1; i <= 12; i++) await http.createTenant(`Many ${i}`, "customer", sandbox.rootTenantId, { customer_id: `ref-${i}`, internal_tag: `ref-${i}` })
      expect((await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=many`)).body.items).toHaveLength(10)
      expect((await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=ref-1`)).body.items).toEqual([])

      const gone = await http.createTenant("Gone Ltd")
      await http.api("PUT", `/tenants/${gone.id}`, { version: gone.version, enabled: false })
      expect((await http.api("DELETE", `/tenants/${gone.id}?version=${gone.version + 1}`)).status).toBe(204)
      expect((await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=gone`)).body.items).toEqual([])
      const deleted = await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=gone&allow_deleted=true`)
      expect(deleted.body.items).toEqual([expect.objectContaining({ id: gone.id, deleted_at: expect.any(String) })])
    })

    it("finds users by login with their tenant as parent", async () => {
      const tenant = await http.createTenant("Users Co")
      const user = await http.api("POST", "/users", { tenant_id: tenant.id, login: "searchable.admin", contact: { email: "a@users.test" } })
      expect(user.status).toBe(200)
      const res = await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=SEARCHABLE`)
      expect(res.body.items).toEqual([
        { obj_type: "user", id: user.body.id, parent_id: tenant.id, path: ["Sandbox MSP", "Users Co"], login: "searchable.admin", first_name: null, last_name: null, deleted_at: null },
      ])
    })

    it("answers 400 without tenant or text or with a bad limit, and 404 for an unknown tenant", async () => {
      expect((await http.api("GET", "/search?text=x")).status).toBe(400)
      expect((await http.api("GET", `/search?tenant=${sandbox.rootTenantId}`)).status).toBe(400)
      expect((await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=x&limit=0`)).status).toBe(400)
      expect((await http.api("GET", `/search?tenant=${sandbox.rootTenantId}&text=x&limit=many`)).status).toBe(400)
      expect((await http.api("GET", "/search?tenant=00000000-0000-4000-8000-000000000099&text=x")).status).toBe(404)
    })
  })

  describe("partner billing settings", () => {
    const platform = "7459244f-68f3-3bf4-9f53-5f63ecc1d91f"

    it("sets a partner's commitment tier and reads it back, own and effective", async () => {
      const partner = await http.createTenant("Reseller", "partner")
      const before = await http.api("GET", `/applications/${platform}/settings/tenants/${partner.id}/tier_level_value`)
      expect(before.body).toEqual({ name: "tier_level_value", own: null, effective: { value: -1, lock: false, exclusive: false } })

      const put = await http.api("PUT", `/applications/${platform}/settings/tenants/${partner.id}/tier_level_value`, { value: 3 })

      expect(put.status).toBe(200)
      expect(put.body.own).toEqual({ value: 3, lock: false, exclusive: false })
      const state = await http.control("GET", "/state")
      expect(state.body.tenants.find((t: { id: string }) => t.id === partner.id).settings).toEqual({ tier_level_value: 3 })
    })

    it("refuses fields the spec's settingPut does not have (additionalProperties: false), accepts lock and exclusive", async () => {
      const partner = await http.createTenant("Reseller", "partner")
      const path = `/applications/${platform}/settings/tenants/${partner.id}/tier_level_value`
      const extra = await http.api("PUT", path, { value: 2, tier: 3 })
      expect(extra.status).toBe(400)
      expect(extra.body.error.message).toContain("tier")
      expect((await http.api("GET", path)).body.own).toBeNull()
      expect((await http.api("PUT", path, { value: 2, lock: false, exclusive: false })).status).toBe(200)
    })

    it("refuses customers, values out of range and unknown settings", async () => {
      const partner = await http.createTenant("Reseller", "partner")
      const customer = await http.createTenant("Customer")
      const path = (tenant: string, setting = "tier_level_value") => `/applications/${platform}/settings/tenants/${tenant}/${setting}`

      const onCustomer = await http.api("PUT", path(customer.id), { value: 1 })
      expect(onCustomer.status).toBe(400)
      expect(onCustomer.body.error.code).toBe(1027)
      const outOfRange = await http.api("PUT", path(partner.id), { value: 8 })
      expect(outOfRange.status).toBe(400)
      const unknown = await http.api("PUT", path(partner.id, "discount"), { value: 1 })
      expect(unknown.status).toBe(404)
    })
  })

  describe("pricing", () => {
    it("switches trial to production once and never back", async () => {
      const tenant = await http.createTenant("Acme")
      const trial = await http.api("GET", `/tenants/${tenant.id}/pricing`)
      expect(trial.status).toBe(200)
      expect(trial.body).toMatchObject({ mode: "trial", currency: null, version: expect.any(Number) })

      // The tutorial PUTs the whole GET object back; the echoed production_start_date is accepted.
      const production = await http.api("PUT", `/tenants/${tenant.id}/pricing`, { ...trial.body, mode: "production" })
      expect(production.status).toBe(200)
      expect(production.body.mode).toBe("production")
      expect(production.body.version).toBeGreaterThan(trial.body.version)
      expect((await http.api("GET", `/tenants/${tenant.id}`)).body.pricing_mode).toBe("production")

      const back = await http.api("PUT", `/tenants/${tenant.id}/pricing`, { mode: "trial", version: production.body.version })
      expect(back.status).toBe(400)
      const stale = await http.api("PUT", `/tenants/${tenant.id}/pricing`, { mode: "production", version: trial.body.version })
      expect(stale.status).toBe(409)
      expect(stale.body.error.code).toBe(1001)
    })
  })
})
