import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { AcronisEvents } from "../../src/modules/acronis/events"
import { RESELLER_MODULE } from "../../src/modules/reseller"
import type ResellerModuleService from "../../src/modules/reseller/service"
import { createAdminHeaders } from "./fixtures/admin"
import { createPublishableKey, createStoreCustomer, type StoreHeaders } from "./fixtures/customer"
import { acronisSandbox } from "./fixtures/sandbox"

jest.setTimeout(120 * 1000)

const SUB_ACCOUNT = {
  kind: "end_customer",
  name: "Contoso Ltd",
  email: "it@contoso.example",
  address_1: "1 Main Street",
  city: "Springfield",
  postal_code: "10001",
  country_code: "US",
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the request to fail")
    },
    (error: { response: { status: number; data: any } }) => error.response
  )

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let sandbox: Awaited<ReturnType<typeof acronisSandbox>>
    let admin: { headers: Record<string, string> }
    let first: { reseller_id: string; customer_id: string; store: StoreHeaders }
    let second: { reseller_id: string; customer_id: string; store: StoreHeaders }
    let outsider: StoreHeaders

    const sandboxState = () => sandbox.state()
    const liveTenants = async () => (await sandboxState()).tenants.filter((tenant) => !tenant.deleted_at)

    async function makeReseller(api: AxiosInstance, key: string, email: string, name: string) {
      const { customer, storeHeaders } = await createStoreCustomer(api, key, { email, first_name: "Rita", last_name: "Reseller" })
      const response = await api.post("/admin/acronis/resellers", { customer_id: customer.id, name }, admin)
      expect(response.status).toEqual(201)
      return { reseller_id: response.data.reseller.id as string, customer_id: customer.id, store: storeHeaders }
    }

    async function waitForStatus(id: string, headers: StoreHeaders, status = "active") {
      const deadline = Date.now() + 20_000
      for (;;) {
        const { data } = await api.get(`/store/acronis/sub-accounts/${id}`, headers)
        if (data.sub_account.status === status) return data.sub_account
        if (Date.now() > deadline) throw new Error(`sub-account ${id} still ${data.sub_account.status}: ${data.sub_account.provisioning_error}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }

    /** The `acronis.sub_account.activated` e-mail, once its delivery is settled (so no work outlives the test). */
    async function waitForActivationNotice(subAccountId: string) {
      const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
      const deadline = Date.now() + 20_000
      for (;;) {
        const [notice] = await notifications.listNotifications({ trigger_type: AcronisEvents.SUB_ACCOUNT_ACTIVATED, resource_id: subAccountId })
        if (notice && notice.status !== "pending") return notice
        if (Date.now() > deadline) throw new Error(`no settled activation notice for ${subAccountId}`)
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }

    async function activeSubAccount(owner = first, body: Record<string, unknown> = SUB_ACCOUNT) {
      const created = await api.post("/store/acronis/sub-accounts", body, owner.store)
      const subAccount = await waitForStatus(created.data.sub_account.id, owner.store)
      await waitForActivationNotice(subAccount.id)
      return subAccount
    }

    beforeAll(async () => {
      container = getContainer()
      sandbox = await acronisSandbox(container)
    })

    beforeEach(async () => {
      await sandbox.reset()
      admin = await createAdminHeaders(api, container)
      const key = await createPublishableKey(container)
      first = await makeReseller(api, key, "rita@first-reseller.example", "First Reseller")
      second = await makeReseller(api, key, "sam@second-reseller.example", "Second Reseller")
      outsider = (await createStoreCustomer(api, key, { email: "olga@shopper.example" })).storeHeaders
    })

    describe("sub-account provisioning", () => {
      it("creates a pending sub-account, then one customer tenant under the reseller's partner tenant, created once and reused", async () => {
        const created = await api.post("/store/acronis/sub-accounts", SUB_ACCOUNT, first.store)
        expect(created.status).toEqual(201)
        expect(created.data.sub_account).toEqual(
          expect.objectContaining({ name: "Contoso Ltd", kind: "end_customer", status: "pending", account_number: "PENDING", country_code: "us" })
        )
        // A second one right away: both are provisioned concurrently, yet the reseller gets one partner tenant.
        const other = await api.post(
          "/store/acronis/sub-accounts",
          { ...SUB_ACCOUNT, kind: "sub_division", name: "First Reseller Labs", email: "ops@labs.example" },
          first.store
        )

        const active = await waitForStatus(created.data.sub_account.id, first.store)
        const activeOther = await waitForStatus(other.data.sub_account.id, first.store)
        // The reseller's notification contact (the customer who created them) is told each one is ready.
        const notice = await waitForActivationNotice(active.id)
        expect(notice).toEqual(expect.objectContaining({ to: "rita@first-reseller.example", channel: "email", status: "success" }))
        await waitForActivationNotice(activeOther.id)
        expect(active.account_number).toMatch(/^[0-9a-f-]{36}$/)
        expect(activeOther.account_number).not.toEqual(active.account_number)

        const state = await sandboxState()
        const tenants = state.tenants.filter((tenant) => !tenant.deleted_at)
        const partners = tenants.filter((tenant) => tenant.customer_id === first.reseller_id)
        expect(partners).toEqual([expect.objectContaining({ kind: "partner", name: "First Reseller", parent_id: state.root_tenant_id })])
        const forSubAccount = tenants.filter((tenant) => tenant.customer_id === active.id)
        expect(forSubAccount).toEqual([
          expect.objectContaining({ id: active.account_number, kind: "customer", name: "Contoso Ltd", parent_id: partners[0].id }),
        ])
        expect(tenants.filter((tenant) => tenant.customer_id === activeOther.id)).toEqual([
          expect.objectContaining({ kind: "customer", parent_id: partners[0].id }),
        ])

        const detail = await api.get(`/admin/acronis/resellers/${first.reseller_id}`, admin)
        expect(detail.data.reseller).toEqual(
          expect.objectContaining({
            acronis_tenant_id: partners[0].id,
            customers: [expect.objectContaining({ id: first.customer_id })],
            sub_accounts: expect.arrayContaining([expect.objectContaining({ id: active.id, status: "active", account_number: active.account_number })]),
          })
        )
      })

      it("re-running provisioning finds the existing tenants instead of creating new ones", async () => {
        const active = await activeSubAccount()
        const before = await liveTenants()
        const rerun = await api.post(`/admin/acronis/resellers/${first.reseller_id}/sub-accounts/${active.id}/provision`, {}, admin)
        expect(rerun.data.sub_account).toEqual(expect.objectContaining({ status: "active", account_number: active.account_number }))
        expect(await liveTenants()).toHaveLength(before.length)
      })

      it("keeps a sub-account pending with the reason when Acronis refuses, and the retry completes it", async () => {
        await sandbox.fault({ method: "POST", path: "/api/2/tenants", status: 403, times: 1 })
        const created = await api.post("/store/acronis/sub-accounts", SUB_ACCOUNT, first.store)
        const deadline = Date.now() + 15_000
        let subAccount = created.data.sub_account
        while (!subAccount.provisioning_error && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 200))
          subAccount = (await api.get(`/store/acronis/sub-accounts/${subAccount.id}`, first.store)).data.sub_account
        }
        // Staff read which step failed before what Acronis answered.
        expect(subAccount).toEqual(
          expect.objectContaining({
            status: "pending",
            account_number: "PENDING",
            provisioning_error: expect.stringMatching(/^[A-Z][a-z ]+ failed: Acronis POST \/api\/2\/tenants failed with 403/),
          })
        )

        const retried = await api.post(`/admin/acronis/resellers/${first.reseller_id}/sub-accounts/${subAccount.id}/provision`, {}, admin)
        expect(retried.data.sub_account).toEqual(expect.objectContaining({ status: "active", provisioning_error: null }))
        await waitForActivationNotice(subAccount.id)
      })
    })

    describe("review before creating", () => {
      it("finds the reseller's near-duplicates by name, address and e-mail domain, and nothing for a new company", async () => {
        const existing = await activeSubAccount()

        const byName = await api.post("/store/acronis/sub-accounts/review", { name: "CONTOSO, Inc." }, first.store)
        expect(byName.data.matches).toEqual([{ sub_account: expect.objectContaining({ id: existing.id }), reasons: ["name"] }])

        const byAddress = await api.post(
          "/store/acronis/sub-accounts/review",
          { name: "Fabrikam", address_1: "1 main st.", postal_code: "10001", country_code: "us" },
          first.store
        )
        expect(byAddress.data.matches).toEqual([{ sub_account: expect.objectContaining({ id: existing.id }), reasons: ["address"] }])

        const byDomain = await api.post("/store/acronis/sub-accounts/review", { name: "Fabrikam", email: "bob@Contoso.example" }, first.store)
        expect(byDomain.data.matches).toEqual([{ sub_account: expect.objectContaining({ id: existing.id }), reasons: ["email_domain"] }])

        const unrelated = await api.post(
          "/store/acronis/sub-accounts/review",
          { name: "Northwind Traders", email: "it@gmail.com", address_1: "9 Elm Road", postal_code: "20002", country_code: "us" },
          first.store
        )
        expect(unrelated.data.matches).toEqual([])

        // Another reseller's review never shows the first one's sub-accounts.
        const elsewhere = await api.post("/store/acronis/sub-accounts/review", { name: "Contoso Ltd" }, second.store)
        expect(elsewhere.data.matches).toEqual([])
      })
    })

    describe("adding users", () => {
      const CSV_HEADER = "email,first_name,last_name,language,time_zone"

      it("refuses a CSV with one bad row, names its row and field, and writes nothing", async () => {
        const subAccount = await activeSubAccount()
        const csv = [
          CSV_HEADER,
          "ann@contoso.example,Ann,Archer,en,Europe/Berlin",
          "bob@contoso.example,Bob,Baker,xx,UTC",
          "cat@contoso.example,Cat,Cole,de,America/New_York",
        ].join("\n")

        const preview = await api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv, dry_run: true }, first.store)
        expect(preview.status).toEqual(200)
        expect(preview.data.valid).toBe(false)
        expect(preview.data.rows).toEqual([
          expect.objectContaining({ row: 2, email: "ann@contoso.example", errors: [] }),
          expect.objectContaining({ row: 3, email: "bob@contoso.example", errors: [{ field: "language", reason: expect.stringContaining("ISO 639-1") }] }),
          expect.objectContaining({ row: 4, email: "cat@contoso.example", errors: [] }),
        ])

        const refused = await rejection(api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv }, first.store))
        expect(refused.status).toEqual(400)
        expect(refused.data.errors).toEqual([{ row: 3, field: "language", reason: expect.stringContaining('"xx"') }])
        expect(refused.data.message).toMatch(/^Row 3, language:/)

        const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        expect(await service.listResellerSubAccountUsers({ sub_account_id: subAccount.id })).toEqual([])
        const state = await sandboxState()
        expect(state.users.filter((user) => user.tenant_id === subAccount.account_number)).toEqual([])
        expect(await sandbox.emails()).toEqual([])
      })

      it("reports duplicates within the file and with existing users, and a wrong header", async () => {
        const subAccount = await activeSubAccount()
        await api.post(
          `/store/acronis/sub-accounts/${subAccount.id}/users`,
          { users: [{ email: "ann@contoso.example", first_name: "Ann", last_name: "Archer", language: "en", time_zone: "UTC" }] },
          first.store
        )
        const csv = [
          CSV_HEADER,
          "ANN@contoso.example,Ann,Again,en,UTC",
          "dan@contoso.example,Dan,Doe,en,Mars/Olympus",
          "dan@contoso.example,Dan,Twice,en,UTC",
        ].join("\n")
        const refused = await rejection(api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv }, first.store))
        expect(refused.status).toEqual(400)
        expect(refused.data.errors).toEqual([
          { row: 2, field: "email", reason: expect.stringContaining("already a user of this sub-account") },
          { row: 3, field: "time_zone", reason: expect.stringContaining("IANA") },
          { row: 4, field: "email", reason: expect.stringContaining("already on row 3") },
        ])

        const badHeader = await rejection(
          api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv: "mail,name\nx@y.example,X" }, first.store)
        )
        expect(badHeader.status).toEqual(400)
        expect(badHeader.data.errors).toEqual([{ row: 0, field: "csv", reason: expect.stringContaining(`header must be "${CSV_HEADER}"`) }])
      })

      it("creates every user of a good CSV in the sandbox, with roles and activation e-mails", async () => {
        const subAccount = await activeSubAccount()
        const csv = [
          CSV_HEADER,
          "ann@contoso.example,Ann,Archer,en,Europe/Berlin",
          '"bob@contoso.example","Bob","Baker, Jr.",de,UTC',
          "cat@contoso.example,Cat,Cole,fr,America/New_York",
        ].join("\r\n")

        const imported = await api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv }, first.store)
        expect(imported.status).toEqual(201)
        expect(imported.data.users).toHaveLength(3)
        expect(imported.data.users).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ email: "bob@contoso.example", last_name: "Baker, Jr.", language: "de", time_zone: "UTC", status: "invited" }),
          ])
        )

        const state = await sandboxState()
        const users = state.users.filter((user) => user.tenant_id === subAccount.account_number)
        expect(users.map((user) => user.login).sort()).toEqual(["ann@contoso.example", "bob@contoso.example", "cat@contoso.example"])
        expect(users.find((user) => user.login === "cat@contoso.example")?.language).toEqual("fr")
        for (const user of users) {
          expect(user.access_policies).toEqual([expect.objectContaining({ role_id: "company_admin", tenant_id: subAccount.account_number })])
        }
        const emails = await sandbox.emails()
        expect(emails.map((email) => `${email.kind}:${email.login}`).sort()).toEqual([
          "activation:ann@contoso.example",
          "activation:bob@contoso.example",
          "activation:cat@contoso.example",
        ])

        const detail = await api.get(`/store/acronis/sub-accounts/${subAccount.id}`, first.store)
        expect(detail.data.sub_account.users).toHaveLength(3)
      })

      it("undoes the Acronis users it created when Acronis fails part-way, leaving no rows", async () => {
        const subAccount = await activeSubAccount()
        await sandbox.fault({ method: "PUT", path: "/api/2/users/*/access_policies", status: 400, times: 1 })
        const csv = [CSV_HEADER, "ann@contoso.example,Ann,Archer,en,UTC", "bob@contoso.example,Bob,Baker,en,UTC"].join("\n")
        const failed = await rejection(api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv }, first.store))
        expect(failed.status).toBeGreaterThanOrEqual(400)

        const live = (await sandboxState()).users.filter((user) => user.tenant_id === subAccount.account_number && !user.deleted_at)
        expect(live).toEqual([])
        const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        expect(await service.listResellerSubAccountUsers({ sub_account_id: subAccount.id })).toEqual([])
      })

      it("adds a user one by one and refuses adding users to a pending sub-account", async () => {
        const subAccount = await activeSubAccount()
        const added = await api.post(
          `/store/acronis/sub-accounts/${subAccount.id}/users`,
          { users: [{ email: " Eve@Contoso.example ", first_name: "Eve", last_name: "Evans", language: "EN", time_zone: "Asia/Tokyo" }] },
          first.store
        )
        expect(added.status).toEqual(201)
        expect(added.data.users).toEqual([expect.objectContaining({ email: "eve@contoso.example", language: "en", time_zone: "Asia/Tokyo" })])
        expect((await sandboxState()).users.some((user) => user.login === "eve@contoso.example")).toBe(true)

        // Saved straight through the service, so no provisioning runs for it.
        const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        const pending = await service.createResellerSubAccounts({
          ...SUB_ACCOUNT,
          kind: "end_customer",
          name: "Slow Co",
          country_code: "us",
          reseller_id: first.reseller_id,
          notification_customer_id: first.customer_id,
        })
        const refused = await rejection(
          api.post(
            `/store/acronis/sub-accounts/${pending.id}/users`,
            { users: [{ email: "fay@slow.example", first_name: "Fay", last_name: "Fox", language: "en", time_zone: "UTC" }] },
            first.store
          )
        )
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(/is pending; users can be added once it is active/)
      })
    })

    describe("isolation and access", () => {
      it("hides a reseller's sub-accounts and users from another reseller (404) and from its list", async () => {
        const subAccount = await activeSubAccount()
        const user = { email: "mal@second.example", first_name: "Mal", last_name: "Lory", language: "en", time_zone: "UTC" }

        const view = await rejection(api.get(`/store/acronis/sub-accounts/${subAccount.id}`, second.store))
        expect(view.status).toEqual(404)
        const add = await rejection(api.post(`/store/acronis/sub-accounts/${subAccount.id}/users`, { users: [user] }, second.store))
        expect(add.status).toEqual(404)
        const csv = `email,first_name,last_name,language,time_zone\n${Object.values(user).join(",")}`
        const upload = await rejection(api.post(`/store/acronis/sub-accounts/${subAccount.id}/users/import`, { csv }, second.store))
        expect(upload.status).toEqual(404)
        const list = await api.get("/store/acronis/sub-accounts", second.store)
        expect(list.data.sub_accounts).toEqual([])

        expect((await sandboxState()).users.some((u) => u.login === user.email)).toBe(false)
        const own = await api.get("/store/acronis/sub-accounts", first.store)
        expect(own.data.sub_accounts.map((s: { id: string }) => s.id)).toEqual([subAccount.id])
      })

      it("answers 403 to a customer who does not act for a reseller, and 401 without a session", async () => {
        const forbidden = await rejection(api.get("/store/acronis/sub-accounts", outsider))
        expect(forbidden.status).toEqual(403)
        expect(forbidden.data.message).toMatch(/does not act for a reseller/)
        const anonymous = await rejection(
          api.get("/store/acronis/sub-accounts", { headers: { "x-publishable-api-key": first.store.headers["x-publishable-api-key"] } })
        )
        expect(anonymous.status).toEqual(401)
      })
    })

    describe("bad input", () => {
      it("answers 400 naming the field and writes nothing", async () => {
        const badKind = await rejection(api.post("/store/acronis/sub-accounts", { ...SUB_ACCOUNT, kind: "reseller" }, first.store))
        expect(badKind.status).toEqual(400)
        expect(badKind.data.message).toMatch(/kind/)

        const badCountry = await rejection(api.post("/store/acronis/sub-accounts", { ...SUB_ACCOUNT, country_code: "Germany" }, first.store))
        expect(badCountry.status).toEqual(400)
        expect(badCountry.data.message).toMatch(/country_code/)

        const missingName = await rejection(api.post("/store/acronis/sub-accounts", { ...SUB_ACCOUNT, name: undefined }, first.store))
        expect(missingName.status).toEqual(400)
        expect(missingName.data.message).toMatch(/name/)

        const foreignContact = await rejection(
          api.post("/store/acronis/sub-accounts", { ...SUB_ACCOUNT, notification_customer_id: second.customer_id }, first.store)
        )
        expect(foreignContact.status).toEqual(400)
        expect(foreignContact.data.message).toMatch(/^notification_customer_id:/)

        const subAccount = await activeSubAccount()
        const badLanguage = await rejection(
          api.post(
            `/store/acronis/sub-accounts/${subAccount.id}/users`,
            { users: [{ email: "ann@contoso.example", first_name: "Ann", last_name: "Archer", language: "english", time_zone: "UTC" }] },
            first.store
          )
        )
        expect(badLanguage.status).toEqual(400)
        expect(badLanguage.data.message).toMatch(/language/)

        const duplicate = await rejection(
          api.post(
            `/store/acronis/sub-accounts/${subAccount.id}/users`,
            {
              users: [
                { email: "ann@contoso.example", first_name: "Ann", last_name: "Archer", language: "en", time_zone: "UTC" },
                { email: "ANN@contoso.example", first_name: "Ann", last_name: "Again", language: "en", time_zone: "UTC" },
              ],
            },
            first.store
          )
        )
        expect(duplicate.status).toEqual(400)
        expect(duplicate.data.message).toMatch(/^users\[1\]\.email: "ann@contoso.example" is already on row 1/)

        const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        expect(await service.listResellerSubAccounts({ reseller_id: first.reseller_id })).toHaveLength(1)
        expect(await service.listResellerSubAccountUsers({})).toEqual([])
        expect((await sandboxState()).users.filter((user) => user.tenant_id === subAccount.account_number)).toEqual([])

        const badReseller = await rejection(api.post("/admin/acronis/resellers", { name: "No Customer" }, admin))
        expect(badReseller.status).toEqual(400)
        expect(badReseller.data.message).toMatch(/customer_id/)
        const twice = await rejection(api.post("/admin/acronis/resellers", { customer_id: first.customer_id, name: "Again" }, admin))
        expect(twice.status).toEqual(400)
        expect(twice.data.message).toMatch(/already acts for reseller "First Reseller"/)
      })
    })

    describe("admin", () => {
      it("lists resellers with their customers", async () => {
        const list = await api.get("/admin/acronis/resellers", admin)
        expect(list.data.count).toEqual(2)
        expect(list.data.resellers).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ id: first.reseller_id, name: "First Reseller", status: "active", customers: [expect.objectContaining({ id: first.customer_id })] }),
            expect.objectContaining({ id: second.reseller_id, name: "Second Reseller" }),
          ])
        )
        const searched = await api.get("/admin/acronis/resellers?q=second", admin)
        expect(searched.data.resellers.map((r: { id: string }) => r.id)).toEqual([second.reseller_id])
        // The customer page asks which reseller a customer acts for: one, or none.
        const actsFor = await api.get(`/admin/acronis/resellers?customer_id=${first.customer_id}`, admin)
        expect({ count: actsFor.data.count, ids: actsFor.data.resellers.map((r: { id: string }) => r.id) }).toEqual({ count: 1, ids: [first.reseller_id] })
        const { data: shopper } = await api.get("/store/customers/me", outsider)
        const actsForNone = await api.get(`/admin/acronis/resellers?customer_id=${shopper.customer.id}`, admin)
        expect({ count: actsForNone.data.count, resellers: actsForNone.data.resellers }).toEqual({ count: 0, resellers: [] })
        const missing = await rejection(api.get("/admin/acronis/resellers/resl_missing", admin))
        expect(missing.status).toEqual(404)
        // Medusa's list params: an order by name, a page; a column that is not the reseller's is a 400, not a 500.
        const byName = await api.get("/admin/acronis/resellers?order=name&limit=1", admin)
        expect({ count: byName.data.count, limit: byName.data.limit, ids: byName.data.resellers.map((r: { id: string }) => r.id) }).toEqual({
          count: 2,
          limit: 1,
          ids: [first.reseller_id],
        })
        const badOrder = await rejection(api.get("/admin/acronis/resellers?order=password", admin))
        expect(badOrder.status).toEqual(400)
        expect(badOrder.data.message).toMatch(/order/)
        const tooMany = await rejection(api.get("/admin/acronis/resellers?limit=500", admin))
        expect(tooMany.status).toEqual(400)
        expect(tooMany.data.message).toMatch(/limit/)
      })

      it("shows a pending sub-account's possible duplicates among the reseller's own, and nothing for a new company", async () => {
        const existing = await activeSubAccount()
        const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        // Saved straight through the service so it stays pending for the review.
        const owner = { kind: "end_customer" as const, country_code: "us", reseller_id: first.reseller_id, notification_customer_id: first.customer_id }
        const lookalike = await service.createResellerSubAccounts({ ...SUB_ACCOUNT, ...owner, name: "CONTOSO, Inc.", email: "ops@fabrikam.example", address_1: "9 Elm Road" })
        const unrelated = await service.createResellerSubAccounts({ ...SUB_ACCOUNT, ...owner, name: "Northwind Traders", email: "it@gmail.com", address_1: "9 Oak Road", postal_code: "20002" })
        const base = `/admin/acronis/resellers/${first.reseller_id}/sub-accounts`
        const review = await api.get(`${base}/${lookalike.id}/duplicates`, admin)
        expect(review.data.matches).toEqual([{ sub_account: expect.objectContaining({ id: existing.id, name: "Contoso Ltd" }), reasons: ["name"] }])
        expect((await api.get(`${base}/${unrelated.id}/duplicates`, admin)).data.matches).toEqual([])
        // Another reseller's path does not reach the first one's sub-account.
        const elsewhere = await rejection(api.get(`/admin/acronis/resellers/${second.reseller_id}/sub-accounts/${lookalike.id}/duplicates`, admin))
        expect(elsewhere.status).toEqual(404)
      })

      it("adds users to a reseller's sub-account and imports a CSV after its preview, as the store does", async () => {
        const subAccount = await activeSubAccount()
        const base = `/admin/acronis/resellers/${first.reseller_id}/sub-accounts/${subAccount.id}`
        const added = await api.post(
          `${base}/users`,
          { users: [{ email: "Eve@Contoso.example", first_name: "Eve", last_name: "Evans", language: "en", time_zone: "UTC" }] },
          admin
        )
        expect(added.status).toEqual(201)
        expect(added.data.users).toEqual([expect.objectContaining({ email: "eve@contoso.example" })])

        const csv = ["email,first_name,last_name,language,time_zone", "ann@contoso.example,Ann,Archer,en,Europe/Berlin", "eve@contoso.example,Eve,Again,en,UTC"].join("\n")
        const preview = await api.post(`${base}/users/import`, { csv, dry_run: true }, admin)
        expect(preview.data.valid).toBe(false)
        expect(preview.data.rows).toEqual([
          expect.objectContaining({ row: 2, email: "ann@contoso.example", errors: [] }),
          expect.objectContaining({ row: 3, email: "eve@contoso.example", errors: [{ field: "email", reason: expect.any(String) }] }),
        ])
        const good = csv.split("\n").slice(0, 2).join("\n")
        const imported = await api.post(`${base}/users/import`, { csv: good }, admin)
        expect(imported.status).toEqual(201)
        expect(imported.data.users).toEqual([expect.objectContaining({ email: "ann@contoso.example" })])
        const logins = (await sandboxState()).users.filter((user) => user.tenant_id === subAccount.account_number).map((user) => user.login)
        expect(logins.sort()).toEqual(["ann@contoso.example", "eve@contoso.example"])
      })

      it("answers 400 naming the field for bad users, and writes nothing", async () => {
        const subAccount = await activeSubAccount()
        const base = `/admin/acronis/resellers/${first.reseller_id}/sub-accounts/${subAccount.id}`
        const badLanguage = await rejection(
          api.post(`${base}/users`, { users: [{ email: "ann@contoso.example", first_name: "Ann", last_name: "Archer", language: "english", time_zone: "UTC" }] }, admin)
        )
        expect(badLanguage.status).toEqual(400)
        expect(badLanguage.data.message).toMatch(/^Invalid request: users\.0\.language: users\[0\]\.language: "english" is not an ISO 639-1/)
        const badCsv = await rejection(api.post(`${base}/users/import`, { csv: "email,first_name,last_name,language,time_zone\nnot-an-email,Bob,Baker,en,UTC" }, admin))
        expect(badCsv.status).toEqual(400)
        expect(badCsv.data.message).toMatch(/^Row 2, email:/)
        const noCsv = await rejection(api.post(`${base}/users/import`, { dry_run: true }, admin))
        expect(noCsv.status).toEqual(400)
        expect(noCsv.data.message).toMatch(/^Invalid request: .*csv/)
        const otherReseller = await rejection(
          api.post(`/admin/acronis/resellers/${second.reseller_id}/sub-accounts/${subAccount.id}/users`, { users: [{ email: "x@contoso.example", first_name: "X", last_name: "Y", language: "en", time_zone: "UTC" }] }, admin)
        )
        expect(otherReseller.status).toEqual(404)

        const service = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        expect(await service.listResellerSubAccountUsers({ sub_account_id: subAccount.id })).toEqual([])
        expect((await sandboxState()).users.filter((user) => user.tenant_id === subAccount.account_number)).toEqual([])
        expect(await sandbox.emails()).toEqual([])
      })
    })
  },
})
