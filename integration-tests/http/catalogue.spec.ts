import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ACRONIS_MODULE } from "../../src/modules/acronis"
import AcronisModuleService from "../../src/modules/acronis/service"
import { createAdminHeaders } from "./fixtures/admin"
import { createDigitalProduct } from "./fixtures/products"
import { backgroundWorkSettled } from "./fixtures/settle"
import { createStoreChannel } from "./fixtures/store"
import { seedDemoStore } from "../../src/scripts/seed-demo"
import { createCustomersWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"

jest.setTimeout(90 * 1000)

type Headers = { headers: Record<string, string> }
type ErrorAnswer = { response: { status: number; data: { message: string } } }

const ppuOffer = {
  type: "ppu",
  protection_models: ["per_gigabyte", "per_workload"],
  file_sync_share_models: ["per_user", "per_workload"],
  unit_prices: { pg_base_storage: { usd: 0.05, EUR: 0.045 }, pw_base_workstations: { usd: 4 } },
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: Headers

    beforeEach(async () => {
      admin = await createAdminHeaders(api, getContainer())
    })

    // A staff order executed by a test is provisioned and e-mailed in the background: let that finish first.
    afterEach(() => backgroundWorkSettled(getContainer()))

    const failure = (promise: Promise<unknown>) => promise.then(
      () => {
        throw new Error("expected the request to fail")
      },
      (error: ErrorAnswer) => error.response
    )

    describe("GET /admin/acronis/status", () => {
      it("reports the plugin version, sandbox mode and the root tenant read through the client, never the secret", async () => {
        const response = await api.get("/admin/acronis/status", admin)

        expect(response.status).toEqual(200)
        expect(response.data.status).toEqual(
          expect.objectContaining({
            plugin: { name: "medusa-plugin-acronis", version: require("../../package.json").version },
            mode: "sandbox",
            datacenter_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
            root_tenant: { id: expect.any(String), name: "Sandbox MSP" },
          })
        )
        expect(JSON.stringify(response.data)).not.toMatch(/secret/i)
      })

      it("answers 401 without an admin session", async () => {
        const answer = await failure(api.get("/admin/acronis/status"))
        expect(answer.status).toEqual(401)
      })
    })

    describe("GET /admin/acronis/catalogue", () => {
      it("lists the editions and offering items the root tenant can give a customer", async () => {
        const { data } = await api.get("/admin/acronis/catalogue?kind=customer", admin)

        expect(data.catalogue.kind).toEqual("customer")
        expect(data.catalogue.editions).toEqual(
          expect.arrayContaining(["pck_per_gigabyte", "pck_per_workload", "fss_per_user", "fss_per_gigabyte", "fss_legacy"])
        )
        expect(data.catalogue.applications.map((app: { type: string }) => app.type)).toEqual(
          expect.arrayContaining(["backup", "files_cloud", "physical_data_shipping", "notary"])
        )
        expect(data.catalogue.offering_items).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ name: "pg_base_storage", edition: "pck_per_gigabyte", measurement_unit: "bytes" }),
            expect.objectContaining({ name: "notarizations", edition: null }),
          ])
        )
        // Each storage an item lives on, by the name Acronis shows users, so the admin need not show infra ids.
        const infraIds = new Set(data.catalogue.offering_items.map((item: { infra_id?: string | null }) => item.infra_id).filter(Boolean))
        expect(data.catalogue.storages.map((s: { id: string }) => s.id).sort()).toEqual([...infraIds].sort())
        expect(data.catalogue.storages).toEqual(expect.arrayContaining([{ id: expect.any(String), name: expect.stringMatching(/\S/) }]))
      })

      it("answers 502 naming Acronis, not an opaque 500, when Acronis keeps failing", async () => {
        const acronis = getContainer().resolve<AcronisModuleService>(ACRONIS_MODULE)
        const partner = await acronis.getAcronisClient().tenants.create({
          name: "Unlucky partner",
          kind: "partner",
          parent_id: await acronis.getRootTenantId(),
        })
        const sandbox = (await acronis.getStatus()).datacenter_url
        await fetch(`${sandbox}/__sandbox/faults`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ path: "/api/2/tenants/*/offering_items/available_for_child", status: 503, times: 10 }),
        })

        const answer = await failure(api.get(`/admin/acronis/catalogue?kind=customer&parent_tenant_id=${partner.id}`, admin))

        await fetch(`${sandbox}/__sandbox/faults`, { method: "DELETE" })
        expect(answer.status).toEqual(502)
        expect(answer.data).toEqual({
          type: "acronis_error",
          code: expect.anything(),
          message: expect.stringMatching(/^Acronis could not complete the request \(.*503.*\)\. Try again in a moment\.$/),
        })
        expect(JSON.stringify(answer.data)).not.toMatch(/secret|Bearer|Basic /)
      })

      it("refuses an unknown kind with the field named", async () => {
        const answer = await failure(api.get("/admin/acronis/catalogue?kind=reseller", admin))
        expect(answer.status).toEqual(400)
        expect(answer.data.message).toMatch(/kind/)
      })

      it("answers 400 naming parent_tenant_id for a tenant that does not exist or that this API client does not own", async () => {
        const sandbox = (await getContainer().resolve<AcronisModuleService>(ACRONIS_MODULE).getStatus()).datacenter_url
        // The sandbox seeds another partner's subtree; Acronis answers 403 for it, 404 for an id that exists nowhere.
        const foreign = (await (await fetch(`${sandbox}/__sandbox/state`)).json()).foreign.tenants[0].id
        for (const parent of [foreign, "5a4db0c5-0000-4000-8000-00000000dead"]) {
          const answer = await failure(api.get(`/admin/acronis/catalogue?kind=customer&parent_tenant_id=${parent}`, admin))
          expect([parent, answer.status]).toEqual([parent, 400])
          expect(answer.data.message).toEqual(`parent_tenant_id: Acronis has no tenant ${parent} that this API client can manage`)
        }
        const product = await createDigitalProduct(api, admin, { title: "Someone else's partner" })
        const offer = await failure(api.post(`/admin/products/${product.id}/acronis-offer`, { ...ppuOffer, parent_tenant_id: foreign }, admin))
        expect(offer.status).toEqual(400)
        expect(offer.data.message).toMatch(/^parent_tenant_id: /)
      })
    })

    describe("GET /admin/acronis/editions", () => {
      it("shows which Acronis edition each licensing model sells, and that the root can give it to customers", async () => {
        const { data } = await api.get("/admin/acronis/editions", admin)

        expect(data.edition_mapping).toEqual({
          protection: { per_gigabyte: "pck_per_gigabyte", per_workload: "pck_per_workload" },
          file_sync_share: { per_user: "fss_per_user", per_workload: "fss_per_user" },
        })
        expect(data.licensing_models).toContainEqual({
          setting: "file_sync_share_licensing_model",
          service: "file_sync_share",
          model: "per_workload",
          label: "Per workload",
          edition: "fss_per_user",
          default_edition: "fss_per_user",
          available_for_customers: true,
        })
        expect(data.licensing_models).toHaveLength(4)
      })

      it("answers 401 without an admin session", async () => {
        expect((await failure(api.get("/admin/acronis/editions"))).status).toEqual(401)
      })
    })

    describe("/admin/products/:id/acronis-offer", () => {
      it("makes a product a pay-per-use Acronis product, reads it back and replaces it", async () => {
        const product = await createDigitalProduct(api, admin, { title: "Acronis Cyber Protect Cloud" })

        const created = await api.post(`/admin/products/${product.id}/acronis-offer`, ppuOffer, admin)
        expect(created.status).toEqual(200)
        expect(created.data.acronis_offer).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^acoffer_/),
            type: "ppu",
            protection_models: ["per_gigabyte", "per_workload"],
            file_sync_share_models: ["per_user", "per_workload"],
            services: ["protection", "file_sync_share", "physical_data_shipping", "notary"],
            unit_prices: { pg_base_storage: { usd: 0.05, eur: 0.045 }, pw_base_workstations: { usd: 4 } },
            pricing_mode: "production",
            storage_basis: "peak",
          })
        )

        const replaced = await api.post(
          `/admin/products/${product.id}/acronis-offer`,
          { ...ppuOffer, protection_models: ["per_workload"], storage_basis: "last_day" },
          admin
        )
        expect(replaced.data.acronis_offer.id).toEqual(created.data.acronis_offer.id)
        expect(replaced.data.acronis_offer.protection_models).toEqual(["per_workload"])

        const read = await api.get(`/admin/products/${product.id}/acronis-offer`, admin)
        expect(read.data.acronis_offer).toEqual(expect.objectContaining({ storage_basis: "last_day" }))
      })

      it("stores a CSP contract and a seat plan", async () => {
        const contract = await createDigitalProduct(api, admin, { title: "Acronis CSP Tier 3" })
        const { data: contractAnswer } = await api.post(
          `/admin/products/${contract.id}/acronis-offer`,
          { type: "contract", contract_tier: 3, commitments: { USD: 1500, eur: 1400, jpy: 200000 } },
          admin
        )
        expect(contractAnswer.acronis_offer).toEqual(
          expect.objectContaining({ type: "contract", contract_tier: 3, commitments: { usd: 1500, eur: 1400, jpy: 200000 } })
        )
        const { data: fewerCommitments } = await api.post(
          `/admin/products/${contract.id}/acronis-offer`,
          { type: "contract", contract_tier: 3, commitments: { usd: 1500 } },
          admin
        )
        expect(fewerCommitments.acronis_offer.commitments).toEqual({ usd: 1500 })

        const plan = await createDigitalProduct(api, admin, { title: "Cloud backup 100" })
        const { data: planAnswer } = await api.post(
          `/admin/products/${plan.id}/acronis-offer`,
          {
            type: "plan",
            plan: {
              deployment: "cloud",
              payment: "post_paid",
              billing_intervals: ["month", "year"],
              data_centers: ["eu2", "us5"],
              postponed_billing: true,
              seat_prices: { usd: 3.5 },
            },
            offering_items: [{ name: "pw_base_workstations", edition: "pck_per_workload", quota: { value: 100, overage: 10 } }],
          },
          admin
        )
        expect(planAnswer.acronis_offer).toEqual(
          expect.objectContaining({
            type: "plan",
            plan: expect.objectContaining({ deployment: "cloud", payment: "post_paid", postponed_billing: true }),
            offering_items: [{ name: "pw_base_workstations", edition: "pck_per_workload", quota: { value: 100, overage: 10 } }],
          })
        )
      })

      it.each([
        ["a tier outside 0–7", { type: "contract", contract_tier: 8, commitments: { usd: 0 } }, /contract_tier/],
        [
          "a contract currency not allowed",
          { type: "contract", contract_tier: 2, commitments: { usd: 500, chf: 450 } },
          /commitments\.chf: contracts are sold only in USD, EUR, GBP, AUD, JPY, CAD/,
        ],
        [
          "an offering item the Acronis catalogue does not have",
          { ...ppuOffer, offering_items: [{ name: "pw_base_time_machines", edition: "pck_per_workload" }] },
          /offering_items\.0\.name: "pw_base_time_machines" is not in the Acronis catalogue/,
        ],
        [
          "an offering item of an edition no chosen licensing model uses",
          { ...ppuOffer, protection_models: ["per_workload"], offering_items: [{ name: "pg_base_storage", edition: "pck_per_gigabyte" }] },
          /offering_items\.0\.edition: "pg_base_storage" belongs to edition pck_per_gigabyte, which none of the offer's licensing models uses/,
        ],
        [
          "a price for an item Acronis does not have",
          { ...ppuOffer, unit_prices: { gold_bars: { usd: 1 } } },
          /unit_prices\.gold_bars/,
        ],
        [
          "a quota on a pay-per-use item",
          { ...ppuOffer, offering_items: [{ name: "pw_base_servers", edition: "pck_per_workload", quota: { value: 5 } }] },
          /offering_items\.0\.quota/,
        ],
        ["no licensing model", { ...ppuOffer, file_sync_share_models: [] }, /file_sync_share_models/],
        ["an unknown type", { type: "bundle" }, /Expected: 'ppu, contract, plan' for field 'type', but got: 'bundle'/],
      ])("refuses %s with a 400 naming the field, and writes nothing", async (_, body, message) => {
        const product = await createDigitalProduct(api, admin, { title: "Refused" })

        const answer = await failure(api.post(`/admin/products/${product.id}/acronis-offer`, body, admin))

        expect(answer.status).toEqual(400)
        expect(answer.data.message).toMatch(message)
        const read = await api.get(`/admin/products/${product.id}/acronis-offer`, admin)
        expect(read.data.acronis_offer).toBeNull()
        const offers = await getContainer().resolve<AcronisModuleService>(ACRONIS_MODULE).listAcronisOffers({})
        expect(offers).toHaveLength(0)
      })

      it("refuses a bad unit price with a 400 naming it, and keeps the offer's prices as they were", async () => {
        const product = await createDigitalProduct(api, admin, { title: "Priced" })
        const { data: before } = await api.post(`/admin/products/${product.id}/acronis-offer`, ppuOffer, admin)

        const refusals: [Record<string, unknown>, RegExp][] = [
          [{ pg_base_storage: { usd: -0.01 } }, /field 'unit_prices, pg_base_storage, usd' too small, expected at least: '0'/],
          [{ pg_base_storage: { usd: "0.05" } }, /Expected type: 'number' for field 'unit_prices, pg_base_storage, usd'/],
          [{ pg_base_storage: { xyz: 0.05 } }, /unit_prices\.pg_base_storage\.xyz: is not a currency Medusa knows/],
          [{ pg_base_storage: { dollars: 0.05 } }, /unit_prices\.pg_base_storage\.dollars: must be an ISO 4217 currency code/],
          [{ pg_base_storage: { usd: 0.05 }, gold_bars: { usd: 1 } }, /unit_prices\.gold_bars: "gold_bars" is not an offering item in the Acronis catalogue/],
        ]
        for (const [unit_prices, message] of refusals) {
          const answer = await failure(api.post(`/admin/products/${product.id}/acronis-offer`, { ...ppuOffer, unit_prices }, admin))
          expect([unit_prices, answer.status]).toEqual([unit_prices, 400])
          expect(answer.data.message).toMatch(message)
        }

        const { data: after } = await api.get(`/admin/products/${product.id}/acronis-offer`, admin)
        expect(after.acronis_offer).toEqual(before.acronis_offer)
        expect(after.acronis_offer.unit_prices).toEqual({ pg_base_storage: { usd: 0.05, eur: 0.045 }, pw_base_workstations: { usd: 4 } })

        // The whole offer is replaced: a price left out is no longer charged (the admin's empty input).
        await api.post(`/admin/products/${product.id}/acronis-offer`, { ...ppuOffer, unit_prices: { pg_base_storage: { usd: 0.0125 } } }, admin)
        const { data: fewer } = await api.get(`/admin/products/${product.id}/acronis-offer`, admin)
        expect(fewer.acronis_offer.unit_prices).toEqual({ pg_base_storage: { usd: 0.0125 } })
      })

      it("refuses a licensing model whose edition the parent tenant cannot hand down", async () => {
        // An MSP's second partner tenant that has Protection per workload and File Sync & Share per gigabyte only.
        const acronis = getContainer().resolve<AcronisModuleService>(ACRONIS_MODULE)
        const client = acronis.getAcronisClient()
        const partner = await client.tenants.create({
          name: "Second partner",
          kind: "partner",
          parent_id: await acronis.getRootTenantId(),
        })
        const root = await client.offeringItems.availableForChild(await acronis.getRootTenantId(), { kind: "partner" })
        await client.offeringItems.update(
          partner.id,
          root
            .filter((item) => item.edition === "pck_per_workload" || item.edition === "fss_per_gigabyte")
            .filter((item) => item.name !== "pw_base_storage" || item.infra_id === root.find((i) => i.name === "pw_base_storage")?.infra_id)
            .map((item) => ({ application_id: item.application_id, name: item.name, infra_id: item.infra_id ?? undefined, status: 1 as const }))
        )
        const product = await createDigitalProduct(api, admin, { title: "Partner PPU" })

        const answer = await failure(
          api.post(`/admin/products/${product.id}/acronis-offer`, { ...ppuOffer, parent_tenant_id: partner.id, unit_prices: {} }, admin)
        )

        expect(answer.status).toEqual(400)
        expect(answer.data.message).toMatch(/protection_models\.0: no Acronis edition pck_per_gigabyte is available for customers/)
        // Both File Sync & Share models sell fss_per_user (the default mapping), which this parent lacks.
        expect(answer.data.message).toMatch(/file_sync_share_models\.0: no Acronis edition fss_per_user is available for customers/)
        expect(answer.data.message).toMatch(
          /file_sync_share_models\.1: no Acronis edition fss_per_user is available for customers under this parent tenant \(per_workload maps to it through the plugin option editions\.file_sync_share\.per_workload\)/
        )
      })

      it("answers 404 for an unknown product and deletes an offer", async () => {
        const missing = await failure(api.post(`/admin/products/prod_missing/acronis-offer`, ppuOffer, admin))
        expect(missing.status).toEqual(404)

        const product = await createDigitalProduct(api, admin, { title: "Short-lived" })
        await api.post(`/admin/products/${product.id}/acronis-offer`, ppuOffer, admin)
        const deleted = await api.delete(`/admin/products/${product.id}/acronis-offer`, admin)
        expect(deleted.data).toEqual({ id: expect.stringMatching(/^acoffer_/), object: "acronis_offer", deleted: true })
        const read = await api.get(`/admin/products/${product.id}/acronis-offer`, admin)
        expect(read.data.acronis_offer).toBeNull()
      })
    })

    describe("the store view of offers", () => {
      it("shows shoppers the settings the basket asks for, and nothing internal", async () => {
        const store = await createStoreChannel(getContainer())
        const product = await createDigitalProduct(api, admin, { title: "Acronis Cyber Protect Cloud", salesChannelId: store.salesChannelId })
        await api.post(
          `/admin/products/${product.id}/acronis-offer`,
          { ...ppuOffer, parent_tenant_id: await getContainer().resolve<AcronisModuleService>(ACRONIS_MODULE).getRootTenantId() },
          admin
        )
        const contract = await createDigitalProduct(api, admin, { title: "Acronis CSP Tier 1", salesChannelId: store.salesChannelId })
        await api.post(`/admin/products/${contract.id}/acronis-offer`, { type: "contract", contract_tier: 1, commitments: { usd: 250 } }, admin)

        const { data } = await api.get(`/store/products/${product.id}/acronis-offer`, store)

        expect(data.acronis_offer).toEqual({
          type: "ppu",
          services: ["protection", "file_sync_share", "physical_data_shipping", "notary"],
          quantity: { min: 1, max: 1, reason: expect.any(String) },
          settings: [
            {
              key: "protection_licensing_model",
              label: "Protection Licensing Model",
              required: true,
              options: [
                {
                  value: "per_gigabyte",
                  label: "Per gigabyte",
                  description: 'Protection service that is getting enabled based on the "per gigabyte" licensing model.',
                  edition: "pck_per_gigabyte",
                },
                {
                  value: "per_workload",
                  label: "Per workload",
                  description: 'Protection service that is getting enabled based on the "per workload" licensing model.',
                  edition: "pck_per_workload",
                },
              ],
            },
            {
              key: "file_sync_share_licensing_model",
              label: "File Sync & Share Licensing Model",
              required: true,
              options: [
                {
                  value: "per_user",
                  label: "Per user",
                  description: 'File Sync & Share service that is getting enabled based on the "per user" licensing model.',
                  edition: "fss_per_user",
                },
                {
                  value: "per_workload",
                  label: "Per workload",
                  description: 'File Sync & Share service that is getting enabled based on the "per workload" licensing model.',
                  edition: "fss_per_user",
                },
              ],
            },
          ],
          contract: null,
          plan: null,
        })
        expect(JSON.stringify(data)).not.toMatch(/unit_prices|parent_tenant_id|offering_items|acoffer_|0\.05/)

        const list = await api.get("/store/acronis/offers", store)
        expect(list.data.count).toEqual(2)
        expect(list.data.acronis_offers.map((o: { product_title: string; type: string }) => [o.product_title, o.type])).toEqual([
          ["Acronis CSP Tier 1", "contract"],
          ["Acronis Cyber Protect Cloud", "ppu"],
        ])
        expect(list.data.acronis_offers[0].contract).toEqual({ tier: 1, minimum_monthly_commitment: { usd: 250 }, resellers_only: true })
        // Each listed offer names its id, which a contract's tier change asks for; never its costs or parent tenant.
        expect(list.data.acronis_offers.map((o: { offer_id: string }) => o.offer_id)).toEqual([expect.stringMatching(/^acoffer_/), expect.stringMatching(/^acoffer_/)])
        expect(JSON.stringify(list.data)).not.toMatch(/unit_prices|parent_tenant_id|offering_items|0\.05/)

        const plain = await createDigitalProduct(api, admin, { title: "T-shirt", salesChannelId: store.salesChannelId })
        const notAcronis = await failure(api.get(`/store/products/${plain.id}/acronis-offer`, store))
        expect(notAcronis.status).toEqual(404)

        // Another storefront's key sees neither the product nor its offer, as with Medusa's own product route.
        const otherStore = await createStoreChannel(getContainer())
        expect((await failure(api.get(`/store/products/${product.id}`, otherStore))).status).toEqual(404)
        const elsewhere = await failure(api.get(`/store/products/${product.id}/acronis-offer`, otherStore))
        expect(elsewhere.status).toEqual(404)
        expect((await api.get("/store/acronis/offers", otherStore)).data.count).toEqual(0)
      })
    })

    describe("the demo catalogue (npm run seed)", () => {
      // The issue's list (one pay-per-use product, Tier 0 to Tier 7, two seat plans) makes eleven products.
      it("lists the eleven Acronis products with their offers in the Store API, two plain services beside them, and a second run changes nothing", async () => {
        const first = await seedDemoStore(getContainer())
        const second = await seedDemoStore(getContainer())

        expect(second).toEqual(first)
        const { data } = await api.get("/store/acronis/offers", { headers: { "x-publishable-api-key": first.publishableKey } })
        expect(data.count).toEqual(11)
        expect(data.acronis_offers.map((offer: { type: string }) => offer.type).sort()).toEqual([
          ...Array(8).fill("contract"),
          "plan",
          "plan",
          "ppu",
        ].sort())
        const tiers = data.acronis_offers
          .filter((offer: { type: string }) => offer.type === "contract")
          .map((offer: { contract: { tier: number; minimum_monthly_commitment: Record<string, number> } }) => [
            offer.contract.tier,
            offer.contract.minimum_monthly_commitment.usd,
          ])
        expect(tiers).toEqual([
          [0, 0],
          [1, 250],
          [2, 500],
          [3, 1000],
          [4, 2500],
          [5, 5000],
          [6, 10000],
          [7, 25000],
        ])

        const regions = await api.get("/admin/regions?limit=50", admin)
        expect(regions.data.regions.map((r: { currency_code: string }) => r.currency_code).sort()).toEqual(
          ["aud", "cad", "eur", "gbp", "jpy", "usd"]
        )
        const groups = await api.get("/admin/customer-groups?name=resellers", admin)
        expect(groups.data.customer_groups).toHaveLength(1)
        // Beside them, two plain services that need no shipping: the storefront sells both kinds side by side.
        const products = await api.get("/admin/products?limit=50&fields=handle,variants.manage_inventory,shipping_profile.id", admin)
        expect(products.data.count).toEqual(13)
        const plain = products.data.products.filter((p: { handle: string }) => ["onboarding-session", "backup-health-check"].includes(p.handle))
        expect(plain).toEqual([
          expect.objectContaining({ variants: [expect.objectContaining({ manage_inventory: false })] }),
          expect.objectContaining({ variants: [expect.objectContaining({ manage_inventory: false })] }),
        ])
        expect(plain.every((p: { shipping_profile?: unknown }) => !p.shipping_profile)).toEqual(true)
      })
    })

    describe("POST /admin/acronis/customer-orders (add product to customer)", () => {
      const setUp = async () => {
        const container = getContainer()
        await createRegionsWorkflow(container).run({
          input: { regions: [{ name: "US", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] }] },
        })
        const {
          result: [customer],
        } = await createCustomersWorkflow(container).run({
          input: { customersData: [{ email: "jane@acme.test", first_name: "Jane", last_name: "Doe", company_name: "Acme" }] },
        })
        const product = await createDigitalProduct(api, admin, { title: "Acronis Cyber Protect Cloud", prices: { usd: 0 } })
        await api.post(`/admin/products/${product.id}/acronis-offer`, ppuOffer, admin)
        return { customer, product }
      }

      it("creates a staff order that waits, then provisions it when the account manager executes it", async () => {
        const { customer, product } = await setUp()

        const created = await api.post(
          "/admin/acronis/customer-orders",
          {
            customer_id: customer.id,
            product_id: product.id,
            reference: "Acme backup",
            login: "jane.acme",
            // The activation e-mail goes to someone else; the order stays Jane's.
            email: "it@acme.test",
            protection_licensing_model: "per_workload",
            file_sync_share_licensing_model: "per_user",
          },
          admin
        )

        expect(created.status).toEqual(201)
        expect(created.data.order.metadata).toEqual(
          expect.objectContaining({
            acronis_staff_order: true,
            acronis_reference: "Acme backup",
            acronis_billing_interval: "month",
            acronis_service_details: { login: "jane.acme", email: "it@acme.test" },
          })
        )
        const { data: order } = await api.get(`/admin/orders/${created.data.order.id}?fields=id,email,items.metadata,customer_id`, admin)
        expect(order.order).toEqual(expect.objectContaining({ customer_id: customer.id, email: "jane@acme.test" }))
        expect(order.order.items[0].metadata).toEqual({
          acronis: { protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_user" },
        })
        // It waits where the account manager looks: a pending subscription to execute, nothing in Acronis yet.
        expect(created.data.subscriptions).toEqual([expect.objectContaining({ status: "pending", execution: "manual", tenant_id: null })])
        const waiting = await api.get(`/admin/acronis/subscriptions?order_id=${created.data.order.id}`, admin)
        expect(waiting.data.subscriptions).toEqual([expect.objectContaining({ id: created.data.subscriptions[0].id, status: "pending" })])
        const status = await api.get("/admin/acronis/status", admin)
        const sandbox = status.data.status.datacenter_url
        const tenantsBefore = (await (await fetch(`${sandbox}/__sandbox/state`)).json()).tenants.length

        const executed = await api.post(`/admin/acronis/orders/${created.data.order.id}/execute`, {}, admin)
        expect(executed.status).toEqual(202)
        let subscription: { status: string; tenant_id: string | null; login: string } | undefined
        for (let i = 0; i < 100 && subscription?.status !== "active"; i++) {
          await new Promise((resolve) => setTimeout(resolve, 200))
          const list = await api.get(`/admin/acronis/subscriptions?order_id=${created.data.order.id}`, admin)
          subscription = list.data.subscriptions[0]
        }
        expect(subscription).toEqual(expect.objectContaining({ id: created.data.subscriptions[0].id, status: "active", login: "jane.acme" }))
        const state = await (await fetch(`${sandbox}/__sandbox/state`)).json()
        expect(state.tenants).toHaveLength(tenantsBefore + 1)
        expect(state.users.map((user: { login: string }) => user.login)).toContain("jane.acme")
      })

      it("refuses what the offer or Acronis does not allow with a 400 naming the field, and creates no order", async () => {
        const { customer, product } = await setUp()
        const body = { customer_id: customer.id, product_id: product.id, reference: "Acme backup" }

        const noModel = await failure(api.post("/admin/acronis/customer-orders", body, admin))
        expect(noModel.status).toEqual(400)
        expect(noModel.data.message).toMatch(/protection_licensing_model: choose one of per_gigabyte, per_workload/)

        const noReference = await failure(
          api.post("/admin/acronis/customer-orders", { ...body, reference: " ", protection_licensing_model: "per_gigabyte" }, admin)
        )
        expect(noReference.status).toEqual(400)
        expect(noReference.data.message).toMatch(/reference/)

        // A login someone else already holds in Acronis.
        const acronis = getContainer().resolve<AcronisModuleService>(ACRONIS_MODULE)
        const client = acronis.getAcronisClient()
        const other = await client.tenants.create({ name: "Other", kind: "customer", parent_id: await acronis.getRootTenantId() })
        await client.users.create({ tenant_id: other.id, login: "taken.login", contact: { email: "t@other.test" } })
        const taken = await failure(
          api.post(
            "/admin/acronis/customer-orders",
            { ...body, login: "taken.login", protection_licensing_model: "per_gigabyte", file_sync_share_licensing_model: "per_user" },
            admin
          )
        )
        expect(taken.status).toEqual(400)
        expect(taken.data.message).toMatch(/login: taken.login is already taken in Acronis/)

        // A CSP contract is a reseller's: Jane is a direct customer.
        const contract = await createDigitalProduct(api, admin, { title: "Acronis CSP contract, Tier 3", prices: { usd: 0 } })
        await api.post(`/admin/products/${contract.id}/acronis-offer`, { type: "contract", contract_tier: 3, commitments: { usd: 1000 } }, admin)
        const notReseller = await failure(api.post("/admin/acronis/customer-orders", { ...body, product_id: contract.id, login: "jane@acme.test" }, admin))
        expect(notReseller.status).toEqual(400)
        expect(notReseller.data.message).toMatch(/^customer_id: Acronis CSP contract, Tier 3 is an Acronis CSP contract, sold only to resellers; jane@acme.test is not one/)

        const orders = await api.get("/admin/orders?fields=id", admin)
        expect(orders.data.count).toEqual(0)
      })
    })
  },
})
