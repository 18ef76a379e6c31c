import { mkdtempSync } from "node:fs"
import { readFile, readdir, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import Medusa, { FetchError } from "@medusajs/js-sdk"
import { TestEventUtils, medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { simpleParser } from "mailparser"
import type { IEventBusModuleService, INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { ACRONIS_MODULE } from "../../src/modules/acronis"
import { AcronisEvents } from "../../src/modules/acronis/events"
import type AcronisModuleService from "../../src/modules/acronis/service"
import { ACRONIS_CHECKOUT_MODULE } from "../../src/modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../src/modules/acronis-checkout/service"
import { RESELLER_MODULE } from "../../src/modules/reseller"
import type ResellerModuleService from "../../src/modules/reseller/service"
import { validateAcronisCheckoutWorkflow } from "../../src/workflows/acronis-checkout"
import { createAcronisOrderSubscriptionsWorkflow } from "../../src/workflows/acronis-provisioning"
import { createAdminHeaders } from "./fixtures/admin"
import { BILLING_ADDRESS, createRegion, payWithSystemProvider } from "./fixtures/checkout"
import { createStoreCustomer } from "./fixtures/customer"
import { createDigitalProduct } from "./fixtures/products"
import { backgroundWorkSettled } from "./fixtures/settle"
import { createStoreChannel } from "./fixtures/store"
import PLAN_FORM_OFFER from "./fixtures/plan-form-offer.json"
import { createAcronisStorefront } from "../../src/storefront"

jest.setTimeout(180 * 1000)

// The e-mails the suite sends, as .eml files (read before the runner applies its `env` option, hence here).
const outboxDir = path.join(mkdtempSync(path.join(os.tmpdir(), "acronis-checkout-")), "outbox")
process.env.NOTIFICATION_OUTBOX_DIR = outboxDir

// The README's example of a shop's own rule, registered the way a shop does (once, before the app runs).
validateAcronisCheckoutWorkflow.hooks.validateAcronisCheckout(async ({ cart, offers }) => {
  if (offers.some((offer) => offer.type === "contract") && !cart.metadata?.purchase_order) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Contracts need your purchase order number: set metadata.purchase_order on the cart."
    )
  }
})

type Headers = { headers: Record<string, string> }
type ErrorAnswer = { response: { status: number; data: { message: string } } }

const PPU_SETTINGS = { protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_user" }
const TERMS_VERSION = "2024-01"

// The sandbox's two backup storages (src/sandbox/catalogue.ts INFRA_IDS).
const ACRONIS_STORAGE = "0a1e0000-5b5e-4c0d-9e7a-acc0b5700001"
const PARTNER_STORAGE = "0a1e0000-5b5e-4c0d-9e7a-acc0b5700002"

const CUSTOMER_DETAILS = { company_name: "Contoso Ltd", contact_name: "Connie Toso", contact_email: "connie@contoso.com" }
const CLOUD_ORDER = {
  deployment: "cloud",
  payment: "post_paid",
  package: "business",
  data_location: PARTNER_STORAGE,
  data_location_confirmed: true,
  customer: CUSTOMER_DETAILS,
  domain: "contoso.com",
  admin_username: "Admin",
  send_credentials_to: ["account_manager", "customer"],
}
/** Credentials to the account manager only, by default. */
const SAAS_ORDER = {
  deployment: "saas",
  payment: "pre_paid",
  package: "team",
  postponed_billing: true,
  currency: "SEK",
  customer: CUSTOMER_DETAILS,
  domain: "fabrikam.se",
  admin_username: "admin",
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected the request to fail")
    },
    (error: ErrorAnswer) => {
      if (!error.response) throw error
      return error.response
    }
  )

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let sandboxUrl: string
    let admin: Headers
    let usd: { id: string }
    let sek: { id: string }
    let ppu: { id: string; variantId: string }
    let contract: { id: string; variantId: string }
    let plain: { id: string; variantId: string }
    let john: { id: string; store: Headers }
    let rita: { id: string; reseller_id: string; store: Headers }
    let guestStore: Headers
    let planForm: { id: string; variantId: string }

    const sandbox = (path: string, init?: RequestInit) => fetch(`${sandboxUrl}/__sandbox${path}`, init)
    const records = () => container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
    type OrderRow = { id: string; metadata: Record<string, any> | null; items: { quantity: number; metadata: Record<string, any> | null }[] }
    const orders = async (filters: Record<string, unknown> = {}) => {
      const { data } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "metadata", "items.metadata"], filters })
      return data as unknown as OrderRow[]
    }
    /** The placed order: items as the store answers them, metadata as stored (the answer leaves it out). */
    const placedOrder = async (answer: { data: { type: string; order?: { id: string; items: OrderRow["items"] } } }) => {
      expect(answer.data.type).toEqual("order")
      const [stored] = await orders({ id: answer.data.order!.id })
      return { ...stored, items: answer.data.order!.items }
    }

    async function product(title: string, offer: Record<string, unknown>, prices = { usd: 25, eur: 23, sek: 260 }) {
      const created = await createDigitalProduct(api, admin, { title, salesChannelId: channelId, prices })
      if (Object.keys(offer).length) await api.post(`/admin/products/${created.id}/acronis-offer`, offer, admin)
      return created
    }
    let channelId: string

    async function newCart(store: Headers, regionId = usd.id) {
      const { data } = await api.post("/store/carts", { region_id: regionId }, store)
      return data.cart.id as string
    }
    const addItem = (cartId: string, store: Headers, variantId: string, metadata?: Record<string, unknown>, quantity = 1) =>
      api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantId, quantity, ...(metadata && { metadata }) }, store)
    const checkout = async (cartId: string, store: Headers) =>
      (await api.get(`/store/carts/${cartId}/acronis/checkout`, store)).data.acronis_checkout
    const acceptTerms = (cartId: string, store: Headers) =>
      api.post(`/store/carts/${cartId}/acronis/terms`, { terms_version: TERMS_VERSION, accepted: true }, store)
    const setBilling = (cartId: string, store: Headers, extra: Record<string, unknown> = {}) =>
      api.post(`/store/carts/${cartId}`, { billing_address: BILLING_ADDRESS, ...extra }, store)
    const complete = (cartId: string, store: Headers) => api.post(`/store/carts/${cartId}/complete`, {}, store)
    const stepsOf = (view: { steps: { step: string; required: boolean; completed: boolean }[] }) =>
      Object.fromEntries(view.steps.map(({ step, required, completed }) => [step, { required, completed }]))

    /** A direct customer's pay-per-use cart with every step done but the one(s) named in `skip`. */
    async function readyPayPerUseCart(store: Headers, skip: string[] = []) {
      const cartId = await newCart(store)
      await addItem(cartId, store, ppu.variantId, { acronis: PPU_SETTINGS })
      if (!skip.includes("terms")) await acceptTerms(cartId, store)
      if (!skip.includes("billing")) await setBilling(cartId, store)
      if (!skip.includes("service_details")) {
        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: `JohnDoe${Date.now() % 100000}`, email: "john@doe.example" }, store)
      }
      await payWithSystemProvider(api, cartId, store)
      return cartId
    }

    async function activeSubAccount(name = "Contoso Ltd") {
      const reseller = container.resolve<ResellerModuleService>(RESELLER_MODULE)
      // Provisioning a sub-account is the reseller engineer's feature; here it only needs to exist, active.
      const [subAccount] = await reseller.createResellerSubAccounts([
        {
          kind: "end_customer",
          name,
          email: "it@contoso.example",
          address_1: "1 Main Street",
          city: "Springfield",
          postal_code: "10001",
          country_code: "us",
          notification_customer_id: rita.id,
          status: "active",
          account_number: `tenant-${name}`,
          acronis_tenant_id: `tenant-${name}`,
          reseller_id: rita.reseller_id,
        } as never,
      ])
      return subAccount as unknown as { id: string }
    }

    // The runner snapshots the database after `beforeAll` and restores it before every test.
    beforeAll(async () => {
      container = getContainer()
      sandboxUrl = (await container.resolve<AcronisModuleService>(ACRONIS_MODULE).getStatus()).datacenter_url
      admin = await createAdminHeaders(api, container)
      const channel = await createStoreChannel(container)
      channelId = channel.salesChannelId
      const key = channel.headers["x-publishable-api-key"]
      usd = await createRegion(api, admin, "usd", ["us"])
      sek = await createRegion(api, admin, "sek", ["se"])
      ppu = await product("Acronis Cyber Protect Cloud", {
        type: "ppu",
        protection_models: ["per_gigabyte", "per_workload"],
        file_sync_share_models: ["per_user", "per_workload"],
      })
      contract = await product("Acronis CSP Tier 3", { type: "contract", contract_tier: 3, commitments: { usd: 1500 } })
      planForm = await product("Acronis Cloud Backup plan", PLAN_FORM_OFFER)
      plain = await product("Printed setup guide", {})
      const johnCustomer = await createStoreCustomer(api, key, { email: "john@doe.example", first_name: "John", last_name: "Doe" })
      john = { id: johnCustomer.customer.id, store: johnCustomer.storeHeaders }
      const ritaCustomer = await createStoreCustomer(api, key, { email: "rita@reseller.example", first_name: "Rita", last_name: "Reseller" })
      const { data } = await api.post("/admin/acronis/resellers", { customer_id: ritaCustomer.customer.id, name: "Rita's IT" }, admin)
      rita = { id: ritaCustomer.customer.id, reseller_id: data.reseller.id, store: ritaCustomer.storeHeaders }
      guestStore = { headers: { "x-publishable-api-key": key } }
    })

    beforeEach(async () => {
      await sandbox("/reset", { method: "POST" })
    })

    afterEach(() => backgroundWorkSettled(container))

    afterAll(async () => {
      await rm(path.dirname(outboxDir), { recursive: true, force: true })
    })

    describe("seed 001: a direct customer orders pay per use", () => {
      it("walks basket settings → terms → billing → service details → complete, and the order carries what provisioning needs", async () => {
        const cartId = await newCart(john.store)
        const added = await addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS })
        expect(added.status).toEqual(200)
        expect(added.data.cart.items).toEqual([expect.objectContaining({ quantity: 1, metadata: { acronis: PPU_SETTINGS } })])

        const first = await checkout(cartId, john.store)
        expect(first).toEqual(
          expect.objectContaining({ has_acronis_items: true, buyer: "direct_customer", sub_account_id: null, ready: false })
        )
        expect(first.steps.map((step: { step: string }) => step.step)).toEqual(["terms", "billing", "service_details"])
        expect(stepsOf(first)).toEqual({
          terms: { required: true, completed: false },
          billing: { required: true, completed: false },
          service_details: { required: true, completed: false },
        })
        expect(first.steps[0]).toEqual(expect.objectContaining({ terms_version: TERMS_VERSION, terms_url: expect.stringMatching(/^https:/) }))
        expect(first.steps[2]).toEqual(expect.objectContaining({ login_format: "username_or_email" }))

        const terms = await api.post(
          `/store/carts/${cartId}/acronis/terms`,
          { terms_version: TERMS_VERSION, accepted: true },
          { headers: { ...john.store.headers, "user-agent": "Storefront/1.0 (test)" } }
        )
        expect(terms.status).toEqual(201)
        expect(terms.data.acronis_terms_consent).toEqual(
          expect.objectContaining({ id: expect.stringMatching(/^acterms_/), cart_id: cartId, terms_version: TERMS_VERSION })
        )

        await setBilling(cartId, john.store)
        const availability = await api.get(`/store/acronis/logins/availability?login=JohnDoe&cart_id=${cartId}`, john.store)
        expect(availability.data).toEqual({ login: "johndoe", available: true, reason: null })

        const details = await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "JohnDoe", email: "john@doe.example" }, john.store)
        expect(details.data.service_details).toEqual({ login: "johndoe", email: "john@doe.example" })
        expect(details.data.acronis_checkout.ready).toEqual(true)
        expect(stepsOf(await checkout(cartId, john.store))).toEqual({
          terms: { required: true, completed: true },
          billing: { required: true, completed: true },
          service_details: { required: true, completed: true },
        })

        await payWithSystemProvider(api, cartId, john.store)
        const order = await placedOrder(await complete(cartId, john.store))
        expect(order.metadata).toEqual(expect.objectContaining({ acronis_service_details: { login: "johndoe", email: "john@doe.example" } }))
        expect(order.items).toEqual([expect.objectContaining({ quantity: 1, metadata: { acronis: PPU_SETTINGS } })])

        // order.placed: the consent and the login reservation now belong to the order.
        const deadline = Date.now() + 10_000
        const attached = async () => {
          const [consent] = await records().listAcronisTermsConsents({ cart_id: cartId })
          const [reservation] = await records().listAcronisLoginReservations({ login: "johndoe" })
          return !!consent?.order_id && !!reservation?.order_id
        }
        while (!(await attached()) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        const consents = await records().listAcronisTermsConsents({ cart_id: cartId })
        expect(consents).toEqual([
          expect.objectContaining({
            order_id: order.id,
            customer_id: john.id,
            terms_version: TERMS_VERSION,
            user_agent: "Storefront/1.0 (test)",
            ip_address: expect.stringMatching(/127\.0\.0\.1|::1/),
            accepted_at: expect.any(Date),
          }),
        ])
        const [reservation] = await records().listAcronisLoginReservations({ login: "johndoe" })
        expect(reservation).toEqual(expect.objectContaining({ cart_id: cartId, order_id: order.id }))

        // The reserved login is no longer available to anyone else.
        const later = await api.get("/store/acronis/logins/availability?login=JOHNDOE", rita.store)
        expect(later.data).toEqual({ login: "johndoe", available: false, reason: expect.stringMatching(/already taken/) })

        // Once provisioning made the Acronis user, the reservation is released: Acronis itself refuses the login now.
        const released = async () => (await records().listAcronisLoginReservations({ login: "johndoe" }))[0].released_at
        for (let wait = 0; wait < 100 && !(await released()); wait++) await new Promise((resolve) => setTimeout(resolve, 100))
        expect(await released()).toEqual(expect.any(Date))
        const afterRelease = await api.get("/store/acronis/logins/availability?login=johndoe", rita.store)
        expect(afterRelease.data).toEqual({ login: "johndoe", available: false, reason: expect.stringMatching(/already taken in Acronis/) })
      })

      it("a later order by a customer who has an Acronis tenant skips service details", async () => {
        // The customer's first pay-per-use subscription was provisioned, then cancelled: the tenant remains.
        await container.resolve<AcronisModuleService>(ACRONIS_MODULE).createAcronisSubscriptions({
          type: "ppu",
          status: "cancelled",
          customer_id: john.id,
          order_id: "order_earlier",
          line_item_id: "ordli_earlier",
          offer_id: "acoffer_earlier",
          service_name: "Acronis Cyber Protect Cloud",
          tenant_kind: "customer",
          tenant_id: "tenant-of-john",
          login: "johndoe",
          email: "john@doe.example",
        })

        const cartId = await readyPayPerUseCart(john.store, ["service_details"])
        const view = await checkout(cartId, john.store)
        expect(stepsOf(view).service_details).toEqual({ required: false, completed: false })
        expect(view.ready).toEqual(true)
        const refused = await failure(api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "Other", email: "john@doe.example" }, john.store))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(/No service details are needed/)

        const order = await placedOrder(await complete(cartId, john.store))
        expect(order.metadata?.acronis_service_details).toBeUndefined()
      })

      it("refuses a second pay-per-use order while the first is pending, pointing to it", async () => {
        const firstCart = await readyPayPerUseCart(john.store)
        const first = (await complete(firstCart, john.store)).data.order

        const cartId = await newCart(john.store)
        const refused = await failure(addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(/You already have a pay-per-use Acronis subscription/)
        expect(refused.data.message).toMatch(new RegExp(`${first.id}|acsub_`))
        expect((await orders()).length).toEqual(1)
      })
      it("of three pay-per-use carts of one customer completed at once, completes one; the others get a 400 saying why and no order", async () => {
        const carts = [await readyPayPerUseCart(john.store), await readyPayPerUseCart(john.store), await readyPayPerUseCart(john.store)]
        const answers = await Promise.all(carts.map((cartId) => complete(cartId, john.store).catch((error: ErrorAnswer) => error.response)))

        expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400])
        const refused = answers.filter((answer) => answer.status === 400)
        // Each refusal says why: the order being placed at that moment, or (when one completion finished before
        // another began, as on a loaded machine) the pay-per-use order that now exists.
        for (const answer of refused) {
          expect((answer.data as { message: string }).message).toMatch(
            /Another pay-per-use order for this account is being placed right now|You already have a pay-per-use Acronis subscription/
          )
        }
        expect(await orders()).toHaveLength(1)
        const holds = await records().listAcronisPayPerUseHolds({ released_at: null })
        expect(holds).toEqual([expect.objectContaining({ consumer_key: `customer:${john.id}` })])

        // A refused cart tried again later meets the rule itself: the first order is there now.
        const again = await failure(complete(carts[answers.findIndex((answer) => answer.status === 400)], john.store))
        expect(again.status).toEqual(400)
        expect(again.data.message).toMatch(/You already have a pay-per-use Acronis subscription/)
        expect(await orders()).toHaveLength(1)
      })

      it("gives the pay-per-use hold of a checkout that never became an order to the next cart", async () => {
        const stuck = await readyPayPerUseCart(john.store)
        // A completion that got past the rules and died before the order: its hold stays, its cart open.
        await records().createAcronisPayPerUseHolds({ consumer_key: `customer:${john.id}`, cart_id: stuck })
        const next = await readyPayPerUseCart(john.store)
        const busy = await failure(complete(next, john.store))
        expect(busy.status).toEqual(400)
        expect(busy.data.message).toMatch(/being placed right now/)
        expect(await orders()).toHaveLength(0)

        // Ten minutes on, it has given up: the next cart completes and takes the hold.
        await container
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw(`update acronis_pay_per_use_hold set created_at = now() - interval '11 minutes' where cart_id = ?`, [stuck])
        const order = await placedOrder(await complete(next, john.store))
        const holds = await records().listAcronisPayPerUseHolds({ released_at: null })
        expect(holds).toEqual([expect.objectContaining({ cart_id: next })])
        await new Promise((resolve) => setTimeout(resolve, 500))
        expect((await records().listAcronisPayPerUseHolds({ released_at: null }))[0].order_id).toEqual(order.id)
      })
    })

    describe("seed 002: a reseller orders a CSP contract for its own use", () => {
      it("walks terms → billing (address and e-mail) → e-mail login → complete", async () => {
        const cartId = await newCart(rita.store)
        await addItem(cartId, rita.store, contract.variantId)
        const first = await checkout(cartId, rita.store)
        expect(first.buyer).toEqual("reseller")
        expect(first.steps[2]).toEqual(expect.objectContaining({ step: "service_details", required: true, login_format: "email" }))

        await acceptTerms(cartId, rita.store)
        await setBilling(cartId, rita.store, { metadata: { purchase_order: "PO-2024-17" } })

        const username = await failure(
          api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "RitaReseller", email: "rita@reseller.example" }, rita.store)
        )
        expect(username.status).toEqual(400)
        expect(username.data.message).toMatch(/must be an e-mail address for an Acronis CSP contract/)

        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "Rita@Reseller.example", email: "rita@reseller.example" }, rita.store)
        const ready = await checkout(cartId, rita.store)
        expect(ready.ready).toEqual(true)

        await payWithSystemProvider(api, cartId, rita.store)
        const order = await placedOrder(await complete(cartId, rita.store))
        expect(order.items).toEqual([expect.objectContaining({ quantity: 1 })])
        expect(order.metadata).toEqual({
          purchase_order: "PO-2024-17",
          acronis_service_details: { login: "rita@reseller.example", email: "rita@reseller.example" },
        })
      })

      it("runs the shop's own validateAcronisCheckout hook: no purchase order, no order", async () => {
        const cartId = await newCart(rita.store)
        await addItem(cartId, rita.store, contract.variantId)
        await acceptTerms(cartId, rita.store)
        await setBilling(cartId, rita.store)
        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "rita@reseller.example", email: "rita@reseller.example" }, rita.store)
        await payWithSystemProvider(api, cartId, rita.store)

        const refused = await failure(complete(cartId, rita.store))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toEqual("Contracts need your purchase order number: set metadata.purchase_order on the cart.")
        expect(await orders()).toEqual([])
      })
    })

    describe("a reseller's pay-per-use order for a sub-account", () => {
      it("names an active sub-account on the cart, skips service details (its tenant exists) and completes", async () => {
        const subAccount = await activeSubAccount()
        const cartId = await newCart(rita.store)
        await api.post(`/store/carts/${cartId}`, { metadata: { acronis_sub_account_id: subAccount.id } }, rita.store)
        await addItem(cartId, rita.store, ppu.variantId, { acronis: PPU_SETTINGS })
        await acceptTerms(cartId, rita.store)
        await setBilling(cartId, rita.store)
        const view = await checkout(cartId, rita.store)
        expect(view).toEqual(expect.objectContaining({ buyer: "reseller", sub_account_id: subAccount.id, ready: true }))
        expect(stepsOf(view).service_details).toEqual({ required: false, completed: false })

        await payWithSystemProvider(api, cartId, rita.store)
        const order = await placedOrder(await complete(cartId, rita.store))
        expect(order.metadata).toEqual({ acronis_sub_account_id: subAccount.id })
        expect(order.items).toEqual([expect.objectContaining({ quantity: 1, metadata: { acronis: PPU_SETTINGS } })])

        // One pay-per-use per sub-account: a second one for the same sub-account is refused, another sub-account is fine.
        const again = await newCart(rita.store)
        await api.post(`/store/carts/${again}`, { metadata: { acronis_sub_account_id: subAccount.id } }, rita.store)
        const refused = await failure(addItem(again, rita.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(/Sub-account "Contoso Ltd" already has a pay-per-use Acronis subscription/)
        const other = await activeSubAccount("Fabrikam")
        await api.post(`/store/carts/${again}`, { metadata: { acronis_sub_account_id: other.id } }, rita.store)
        expect((await addItem(again, rita.store, ppu.variantId, { acronis: PPU_SETTINGS })).status).toEqual(200)
      })
    })

    describe("the rules refuse, say why, and write no order and no consent", () => {
      const nothingWritten = async () => {
        expect(await orders()).toEqual([])
        expect((await records().listAcronisTermsConsents({})).filter((consent) => consent.order_id)).toEqual([])
      }

      it("quantity other than 1, at add and at update time", async () => {
        const cartId = await newCart(john.store)
        const add = await failure(addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS }, 2))
        expect(add.status).toEqual(400)
        expect(add.data.message).toMatch(/ordered with quantity 1 .*you asked for 2/)

        const { data } = await addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS })
        const lineId = data.cart.items[0].id
        const update = await failure(api.post(`/store/carts/${cartId}/line-items/${lineId}`, { quantity: 3 }, john.store))
        expect(update.status).toEqual(400)
        expect(update.data.message).toMatch(/quantity 1/)
        const twice = await failure(addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(twice.status).toEqual(400)
        expect(twice.data.message).toMatch(/already in the basket/)
        expect((await api.get(`/store/carts/${cartId}`, john.store)).data.cart.items).toEqual([expect.objectContaining({ quantity: 1 })])
        await nothingWritten()
      })

      it("pay per use without both licensing models, or with one the offer does not allow", async () => {
        const cartId = await newCart(john.store)
        const missing = await failure(addItem(cartId, john.store, ppu.variantId, { acronis: { protection_licensing_model: "per_gigabyte" } }))
        expect(missing.status).toEqual(400)
        expect(missing.data.message).toMatch(/Choose the File Sync & Share Licensing Model .*per_user, per_workload/)
        const none = await failure(addItem(cartId, john.store, ppu.variantId))
        expect(none.data.message).toMatch(/Choose the Protection Licensing Model/)

        const workloadOnly = await product("Acronis per workload", { type: "ppu", protection_models: ["per_workload"], file_sync_share_models: ["per_user"] })
        const notOffered = await failure(
          addItem(cartId, john.store, workloadOnly.variantId, { acronis: { protection_licensing_model: "per_gigabyte", file_sync_share_licensing_model: "per_user" } })
        )
        expect(notOffered.status).toEqual(400)
        expect(notOffered.data.message).toMatch(/"per_gigabyte" is not offered .*choose one of per_workload/)

        const { data } = await addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS })
        const changed = await failure(
          api.post(`/store/carts/${cartId}/line-items/${data.cart.items[0].id}`, { quantity: 1, metadata: { acronis: { protection_licensing_model: "per_gigabyte" } } }, john.store)
        )
        expect(changed.status).toEqual(400)
        expect(changed.data.message).toMatch(/File Sync & Share Licensing Model/)
        await nothingWritten()
      })

      it("contracts: not for direct customers, not for a sub-account, only in USD, EUR, GBP, AUD, JPY, CAD", async () => {
        const direct = await failure(addItem(await newCart(john.store), john.store, contract.variantId))
        expect(direct.status).toEqual(400)
        expect(direct.data.message).toMatch(/contracts are sold only to resellers, for their own use/)

        const inSek = await failure(addItem(await newCart(rita.store, sek.id), rita.store, contract.variantId))
        expect(inSek.status).toEqual(400)
        expect(inSek.data.message).toMatch(/billed only in USD, EUR, GBP, AUD, JPY, CAD; this cart is in SEK/)

        const subAccount = await activeSubAccount()
        const cartId = await newCart(rita.store)
        await api.post(`/store/carts/${cartId}`, { metadata: { acronis_sub_account_id: subAccount.id } }, rita.store)
        const forSub = await failure(addItem(cartId, rita.store, contract.variantId))
        expect(forSub.status).toEqual(400)
        expect(forSub.data.message).toMatch(/for the reseller's own use only/)
        await nothingWritten()
      })

      it("pay per use by a reseller: only for one of its own, active sub-accounts; a direct customer names none", async () => {
        const own = await failure(addItem(await newCart(rita.store), rita.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(own.status).toEqual(400)
        expect(own.data.message).toMatch(/for one of its sub-accounts: set metadata.acronis_sub_account_id/)

        const reseller = container.resolve<ResellerModuleService>(RESELLER_MODULE)
        const [pending] = await reseller.createResellerSubAccounts([
          { kind: "end_customer", name: "Pending Co", email: "it@pending.example", address_1: "2 Main St", city: "Springfield", postal_code: "10001", country_code: "us", notification_customer_id: rita.id, reseller_id: rita.reseller_id } as never,
        ])
        const cartId = await newCart(rita.store)
        await api.post(`/store/carts/${cartId}`, { metadata: { acronis_sub_account_id: (pending as { id: string }).id } }, rita.store)
        const notActive = await failure(addItem(cartId, rita.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(notActive.status).toEqual(400)
        expect(notActive.data.message).toMatch(/Sub-account "Pending Co" is pending/)

        const [otherReseller] = await reseller.createResellers([{ name: "Someone else" }])
        const [foreign] = await reseller.createResellerSubAccounts([
          { kind: "end_customer", name: "Foreign", email: "it@foreign.example", address_1: "3 Main St", city: "Springfield", postal_code: "10001", country_code: "us", notification_customer_id: rita.id, reseller_id: otherReseller.id, status: "active", acronis_tenant_id: "t" } as never,
        ])
        await api.post(`/store/carts/${cartId}`, { metadata: { acronis_sub_account_id: (foreign as { id: string }).id } }, rita.store)
        const notOwn = await failure(addItem(cartId, rita.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(notOwn.data.message).toMatch(/is not one of reseller "Rita's IT"'s sub-accounts/)

        const directCart = await newCart(john.store)
        await api.post(`/store/carts/${directCart}`, { metadata: { acronis_sub_account_id: (foreign as { id: string }).id } }, john.store)
        const direct = await failure(addItem(directCart, john.store, ppu.variantId, { acronis: PPU_SETTINGS }))
        expect(direct.data.message).toMatch(/Only resellers order for a sub-account/)
        await nothingWritten()
      })

      it("rules are checked again at completion: a guest's cart, and a cart switched to a sub-account after the item was added", async () => {
        const guestCart = await newCart(guestStore)
        await addItem(guestCart, guestStore, ppu.variantId, { acronis: PPU_SETTINGS })
        await acceptTerms(guestCart, guestStore)
        await setBilling(guestCart, guestStore, { email: "guest@example.com" })
        await api.post(`/store/carts/${guestCart}/acronis/service-details`, { login: "GuestUser", email: "guest@example.com" }, guestStore)
        await payWithSystemProvider(api, guestCart, guestStore)
        const guest = await failure(complete(guestCart, guestStore))
        expect(guest.status).toEqual(400)
        expect(guest.data.message).toMatch(/Sign in to a customer account before ordering Acronis services/)

        const cartId = await readyPayPerUseCart(john.store)
        const subAccount = await activeSubAccount()
        await api.post(`/store/carts/${cartId}`, { metadata: { acronis_sub_account_id: subAccount.id } }, john.store)
        const switched = await failure(complete(cartId, john.store))
        expect(switched.status).toEqual(400)
        expect(switched.data.message).toMatch(/Only resellers order for a sub-account/)
        await nothingWritten()
      })

      it.each([["terms"], ["billing"], ["service_details"]])("completion without the %s step: 400 naming it, no order", async (step) => {
        const cartId = await readyPayPerUseCart(john.store, [step])
        const view = await checkout(cartId, john.store)
        expect(view.ready).toEqual(false)
        expect(stepsOf(view)[step]).toEqual({ required: true, completed: false })

        const refused = await failure(complete(cartId, john.store))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(new RegExp(`Checkout step "${step}" is not done`))
        await nothingWritten()
        expect((await api.get(`/store/carts/${cartId}`, john.store)).data.cart.completed_at).toBeNull()
      })

      it("terms in an old version, or not accepted, are refused and not recorded", async () => {
        const cartId = await newCart(john.store)
        await addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS })
        const old = await failure(api.post(`/store/carts/${cartId}/acronis/terms`, { terms_version: "2019-01", accepted: true }, john.store))
        expect(old.status).toEqual(400)
        expect(old.data.message).toMatch(/are at version 2024-01 .* not 2019-01/)
        const declined = await failure(api.post(`/store/carts/${cartId}/acronis/terms`, { terms_version: TERMS_VERSION, accepted: false }, john.store))
        expect(declined.status).toEqual(400)
        expect(await records().listAcronisTermsConsents({})).toEqual([])
      })

      it("answers login availability to signed-in customers only, 30 times a minute each", async () => {
        const guest = await failure(api.get("/store/acronis/logins/availability?login=someone", guestStore))
        expect(guest.status).toEqual(401)

        const key = guestStore.headers["x-publishable-api-key"]
        const { storeHeaders } = await createStoreCustomer(api, key, { email: "typist@example.com", first_name: "Ty", last_name: "Pist" })
        const checkLogin = async () => (await sandbox("/requests")).json().then((body: { items: { path: string }[] }) =>
          body.items.filter((request) => request.path === "/api/2/users/check_login").length)
        const before = await checkLogin()
        for (let i = 0; i < 30; i++) {
          const answer = await api.get(`/store/acronis/logins/availability?login=typist${i}`, storeHeaders)
          expect(answer.data.available).toEqual(true)
        }
        const limited = await failure(api.get("/store/acronis/logins/availability?login=typist99", storeHeaders))
        expect(limited.status).toEqual(429)
        expect(limited.data.message).toMatch(/Too many requests: at most 30 every 60 s/)
        expect(await checkLogin()).toEqual(before + 30)
        // Another customer has a budget of its own.
        expect((await api.get("/store/acronis/logins/availability?login=typist99", john.store)).data.available).toEqual(true)
      })

      it("a login taken in Acronis, or reserved by another open cart, is refused", async () => {
        const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
        await acronis.getAcronisClient().users.create({
          tenant_id: await acronis.getRootTenantId(),
          login: "TakenUser",
          contact: { email: "taken@example.com", firstname: "Taken", lastname: "User" },
        } as never)
        const availability = await api.get("/store/acronis/logins/availability?login=takenuser", john.store)
        expect(availability.data).toEqual({ login: "takenuser", available: false, reason: expect.stringMatching(/already taken in Acronis/) })
        const malformed = await api.get("/store/acronis/logins/availability?login=" + encodeURIComponent("no spaces allowed"), john.store)
        expect(malformed.data).toEqual(expect.objectContaining({ available: false, reason: expect.stringMatching(/neither a username/) }))

        const cartId = await newCart(john.store)
        await addItem(cartId, john.store, ppu.variantId, { acronis: PPU_SETTINGS })
        const taken = await failure(api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "TakenUser", email: "john@doe.example" }, john.store))
        expect(taken.status).toEqual(400)
        expect(taken.data.message).toMatch(/already taken in Acronis/)

        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "JohnDoe", email: "john@doe.example" }, john.store)
        const guestCart = await newCart(guestStore)
        await addItem(guestCart, guestStore, ppu.variantId, { acronis: PPU_SETTINGS })
        const reserved = await failure(api.post(`/store/carts/${guestCart}/acronis/service-details`, { login: "johndoe", email: "g@example.com" }, guestStore))
        expect(reserved.status).toEqual(400)
        expect(reserved.data.message).toMatch(/"johndoe" is already taken; choose another/)

        // The cart that holds it can change its mind: the old login is released.
        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "JohnDoe2", email: "john@doe.example" }, john.store)
        const freed = await api.get(`/store/acronis/logins/availability?login=johndoe`, rita.store)
        expect(freed.data.available).toEqual(true)

        // A basket abandoned for more than a week no longer holds its login.
        const [held] = await records().listAcronisLoginReservations({ login: "johndoe2", released_at: null })
        await records().updateAcronisLoginReservations({ id: held.id, created_at: new Date(Date.now() - 8 * 24 * 3600 * 1000) } as never)
        const taken2 = await api.post(`/store/carts/${guestCart}/acronis/service-details`, { login: "JohnDoe2", email: "g@example.com" }, guestStore)
        expect(taken2.data.service_details.login).toEqual("johndoe2")
        expect(await records().listAcronisLoginReservations({ login: "johndoe2", released_at: null })).toEqual([
          expect.objectContaining({ cart_id: guestCart }),
        ])
      })
    })

    describe("seed 004: a plan ordered with its order form", () => {
      type SandboxState = {
        tenants: {
          id: string
          name: string
          contact: { email: string; firstname?: string | null; lastname?: string | null }
          offering_items: { name: string; infra_id: string | null; quota: { value: number | null; overage: number | null } | null }[]
        }[]
        users: { login: string; tenant_id: string }[]
      }
      const sandboxState = async () => (await (await sandbox("/state")).json()) as SandboxState
      type Sent = { to: string; template: string; resource_id: string; content: { subject: string; text: string } }
      /** The e-mails sent about these orders and subscriptions, as written to the outbox, once `count` went out. */
      const emailsAbout = async (ids: string[], count: number): Promise<Sent[]> => {
        const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
        for (let wait = 0; ; wait++) {
          const rows = await notifications.listNotifications(
            { channel: "email", resource_id: ids },
            { select: ["to", "template", "resource_id", "status", "external_id"], take: null }
          )
          const settled = rows.every((row) => row.status !== "pending")
          if ((rows.length >= count && settled) || wait > 100) {
            const files = await readdir(outboxDir).catch(() => [] as string[])
            const mails = await Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(outboxDir, file)))))
            return rows.map((row) => {
              const mail = mails.find((candidate) => candidate.messageId === row.external_id)
              return { to: row.to, template: row.template!, resource_id: row.resource_id!, content: { subject: mail?.subject ?? "", text: mail?.text ?? "" } }
            })
          }
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      const who = (sent: Sent[]) => sent.map(({ template, to }) => `${template} → ${to}`).sort()
      const subscriptionOf = async (orderId: string, statuses = ["active"]) => {
        const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
        for (let wait = 0; ; wait++) {
          const [subscription] = await acronis.listAcronisSubscriptions({ order_id: orderId })
          if ((subscription && statuses.includes(subscription.status)) || wait > 200) return subscription
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      }
      /** Someone elsewhere in Acronis already holds `login`: a proposal has to move on, checking live. */
      const takenElsewhereInAcronis = async (login: string) => {
        const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
        await acronis.getAcronisClient().users.create({
          tenant_id: await acronis.getRootTenantId(),
          login,
          contact: { email: "other@contoso.com", firstname: "Other", lastname: "Admin" },
        } as never)
      }
      /** The tenant provisioned for `tenantId` in the sandbox: its backup storages, its workstations quota, its users' logins. */
      const provisionedTenant = async (tenantId: string) => {
        const { tenants, users } = await sandboxState()
        const tenant = tenants.find((candidate) => candidate.id === tenantId)!
        return {
          storages: tenant.offering_items.filter((item) => item.name === "pw_base_storage").map((item) => item.infra_id),
          workstations: tenant.offering_items.find((item) => item.name === "pw_base_workstations")!.quota,
          logins: users.filter((user) => user.tenant_id === tenant.id).map((user) => user.login),
        }
      }
      /** admin.contoso.com is taken: the proposal tried it, then found admin2.contoso.com free. */
      const proposalPastTakenLogin = {
        login: "admin2.contoso.com",
        available: true,
        tried: [expect.objectContaining({ login: "admin.contoso.com", available: false }), expect.objectContaining({ login: "admin2.contoso.com", available: true })],
      }
      /**
       * CLOUD_ORDER provisioned, whoever placed it: the form kept as read (defaults filled in), the proposed login,
       * and in the sandbox the chosen storage (not the parent's first, and only that one) and the package's quota.
       */
      async function expectCloudOrderProvisioned(orderId: string) {
        const subscription = await subscriptionOf(orderId)
        expect(subscription).toEqual(
          expect.objectContaining({ type: "plan", status: "active", login: "admin2.contoso.com", pricing_mode: "production",
            metadata: expect.objectContaining({ plan_order: { ...CLOUD_ORDER, postponed_billing: false, currency: null } }),
          })
        )
        const tenant = await provisionedTenant(subscription.tenant_id!)
        expect(tenant.storages).toEqual([PARTNER_STORAGE])
        // The package's quota over the offer's.
        expect(tenant.workstations).toEqual(expect.objectContaining({ value: 50, overage: 5 }))
        expect(tenant.logins).toContain("admin2.contoso.com")
        return subscription
      }
      /** SAAS_ORDER provisioned: pre-paid with a free first month (Acronis trial until it ends), the team package's quota. */
      async function expectSaasOrderProvisioned(orderId: string) {
        const subscription = await subscriptionOf(orderId)
        expect(subscription).toEqual(expect.objectContaining({ status: "active", pricing_mode: "trial", login: "admin.fabrikam.se" }))
        expect(subscription.metadata).toEqual(
          expect.objectContaining({
            plan_order: { ...SAAS_ORDER, currency: "sek", data_location: null, data_location_confirmed: false, send_credentials_to: ["account_manager"] },
          })
        )
        const tenant = await provisionedTenant(subscription.tenant_id!)
        expect(tenant.workstations).toEqual(expect.objectContaining({ value: 10, overage: 2 }))
        expect(tenant.logins).toContain("admin.fabrikam.se")
        return subscription
      }
      async function newBuyer(name: string) {
        const key = guestStore.headers["x-publishable-api-key"]
        const created = await createStoreCustomer(api, key, { email: `${name}@buyer.example`, first_name: name, last_name: "Buyer" })
        return created.storeHeaders
      }
      /** Terms, billing, the login, payment and completion of a cart holding a plan. */
      async function completePlanCart(cartId: string, store: Headers, login: string) {
        await acceptTerms(cartId, store)
        await setBilling(cartId, store)
        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login, email: "connie@contoso.com" }, store)
        await payWithSystemProvider(api, cartId, store)
        return placedOrder(await complete(cartId, store))
      }

      it("draws the form from the store view: choices, labels, prices, and the data locations Acronis offers now", async () => {
        const { data } = await api.get(`/store/products/${planForm.id}/acronis-offer`, john.store)
        const form = data.acronis_offer.plan
        expect(form.order_form_required).toEqual(true)
        expect(form.fields.deployment.options.map((o: { value: string; label: string }) => [o.value, o.label])).toEqual([["cloud", "Cloud"], ["saas", "SaaS"]])
        expect(form.fields.payment.options).toEqual([
          { value: "post_paid", label: "Post-paid", description: expect.stringMatching(/maximum quantity of user accounts you registered during the past month/) },
          { value: "pre_paid", label: "Pre-paid", description: expect.stringMatching(/fixed until the end of the pre-paid period/) },
        ])
        // Live from Acronis: the parent's backup storages, named as Acronis names them (GET /infra).
        expect(form.fields.data_location).toEqual(
          expect.objectContaining({
            key: "data_location",
            label: "Data location",
            permanent: true,
            confirmation_key: "data_location_confirmed",
            options: [
              { value: ACRONIS_STORAGE, label: "Acronis Cloud Storage (Frankfurt, EU)" },
              { value: PARTNER_STORAGE, label: "Partner-hosted Storage (Virginia, US)" },
            ],
          })
        )
        expect(form.fields.currency.options).toEqual([{ value: "usd", label: "USD" }, { value: "sek", label: "SEK" }])
        expect(form.fields.package.options).toEqual([
          { value: "team", label: "Team (10 users)", included_seats: 10, seat_prices: { usd: 3.5, sek: 38 }, quotas: { pw_base_workstations: 10 } },
          { value: "business", label: "Business (50 users)", included_seats: 50, seat_prices: { usd: 3 }, quotas: { pw_base_workstations: 50 } },
        ])
        expect(form.fields.postponed_billing).toEqual(expect.objectContaining({ available: true, label: "Postponed billing" }))
        expect(form.fields.admin_username).toEqual(expect.objectContaining({ recommended: "Admin" }))
        expect(JSON.stringify(data)).not.toMatch(/parent_tenant_id|offering_items|acoffer_/)

        const list = await api.get("/store/acronis/offers", john.store)
        const listed = list.data.acronis_offers.find((offer: { product_id: string }) => offer.product_id === planForm.id)
        expect(listed.plan.fields.data_location.options).toHaveLength(2)
      })

      it("a cloud order: the proposed login, the chosen storage and the package's quotas end up in the provisioned tenant", async () => {
        const store = await newBuyer("cloud")
        await takenElsewhereInAcronis("admin.contoso.com")
        const cartId = await newCart(store)
        const proposal = await api.get(`/store/acronis/logins/proposal?username=Admin&domain=Contoso.com&cart_id=${cartId}`, store)
        expect(proposal.data).toEqual(expect.objectContaining(proposalPastTakenLogin))
        const badDomain = await failure(api.get("/store/acronis/logins/proposal?username=Admin&domain=contoso", store))
        expect(badDomain.status).toEqual(400)
        expect(badDomain.data.message).toMatch(/domain: must be a domain name/)

        const added = await addItem(cartId, store, planForm.variantId, { plan_order: CLOUD_ORDER })
        expect(added.status).toEqual(200)
        const order = await completePlanCart(cartId, store, proposal.data.login)
        expect(order.items).toEqual([expect.objectContaining({ metadata: { plan_order: CLOUD_ORDER } })])

        await expectCloudOrderProvisioned(order.id)
      })

      it("a SaaS order: in the currency chosen, pre-paid, with a free first month (Acronis trial until it ends)", async () => {
        const store = await newBuyer("saas")
        const cartId = await newCart(store, sek.id)
        expect((await addItem(cartId, store, planForm.variantId, { plan_order: SAAS_ORDER })).status).toEqual(200)
        const order = await completePlanCart(cartId, store, "admin.fabrikam.se")
        await expectSaasOrderProvisioned(order.id)
      })

      it.each([
        ["no order form", undefined, /^plan_order: "Acronis Cloud Backup plan" is ordered with its order form/],
        ["a payment method not offered", { ...CLOUD_ORDER, payment: "quarterly" }, /^plan_order\.payment: "quarterly" is not offered; choose one of post_paid, pre_paid/],
        ["a package not offered", { ...CLOUD_ORDER, package: "enterprise" }, /^plan_order\.package: "enterprise" is not offered/],
        ["a storage the offer cannot use", { ...CLOUD_ORDER, data_location: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700003" }, /^plan_order\.data_location: 0a1e0000-5b5e-4c0d-9e7a-acc0b5700003 is not a storage this offer can use/],
        ["an unconfirmed data location", { ...CLOUD_ORDER, data_location_confirmed: false }, /^plan_order\.data_location_confirmed: the data location cannot be changed/],
        ["a cloud order without a data location", { ...CLOUD_ORDER, data_location: null }, /^plan_order\.data_location: a cloud order keeps its data/],
        ["a SaaS order in a currency not offered", { ...CLOUD_ORDER, deployment: "saas", data_location: null, currency: "eur" }, /^plan_order\.currency: "eur" is not offered/],
        ["a SaaS order in another currency than the cart's", { ...CLOUD_ORDER, deployment: "saas", data_location: null, currency: "sek" }, /^plan_order\.currency: the order is in SEK but this cart is in USD/],
        ["a domain that is not one", { ...CLOUD_ORDER, domain: "contoso" }, /^plan_order\.domain: must be a domain name/],
        ["a contact e-mail that is not one", { ...CLOUD_ORDER, customer: { ...CUSTOMER_DETAILS, contact_email: "connie" } }, /^plan_order\.customer\.contact_email: must be an e-mail address/],
        ["a username Acronis would refuse", { ...CLOUD_ORDER, admin_username: "Ad min" }, /^plan_order\.admin_username: /],
        ["an unknown recipient of the credentials", { ...CLOUD_ORDER, send_credentials_to: ["cfo"] }, /^plan_order\.send_credentials_to\.0: /],
      ])("refuses %s with a 400 naming the field, and adds nothing", async (_, planOrder, message) => {
        const cartId = await newCart(john.store)
        const refused = await failure(addItem(cartId, john.store, planForm.variantId, planOrder ? { plan_order: planOrder } : undefined))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(message)
        expect((await api.get(`/store/carts/${cartId}`, john.store)).data.cart.items).toEqual([])
      })

      it("refuses a billing interval the plan is not sold by when it is added, with a 400 naming the field, and adds nothing", async () => {
        const cartId = await newCart(john.store)
        for (const interval of ["week", 12]) {
          const refused = await failure(addItem(cartId, john.store, planForm.variantId, { acronis: { billing_interval: interval }, plan_order: CLOUD_ORDER }))
          expect(refused.status).toEqual(400)
          expect(refused.data.message).toMatch(/^billing_interval: "Acronis Cloud Backup plan" is sold by month/)
        }
        expect((await api.get(`/store/carts/${cartId}`, john.store)).data.cart.items).toEqual([])
        expect((await addItem(cartId, john.store, planForm.variantId, { acronis: { billing_interval: "month" }, plan_order: CLOUD_ORDER })).status).toEqual(200)
      })

      it("refuses postponed billing an offer does not give, a change of the form on update, and a choice the offer dropped before completion", async () => {
        const fixed = await product("Plan without a free month", { ...PLAN_FORM_OFFER, plan: { ...PLAN_FORM_OFFER.plan, postponed_billing: false } })
        const cartId = await newCart(john.store)
        const free = await failure(addItem(cartId, john.store, fixed.variantId, { plan_order: { ...CLOUD_ORDER, postponed_billing: true } }))
        expect(free.status).toEqual(400)
        expect(free.data.message).toMatch(/^plan_order\.postponed_billing: this offer does not give a free first month/)

        const { data } = await addItem(cartId, john.store, planForm.variantId, { plan_order: CLOUD_ORDER })
        const itemId = data.cart.items[0].id
        const update = await failure(
          api.post(`/store/carts/${cartId}/line-items/${itemId}`, { quantity: 1, metadata: { plan_order: { ...CLOUD_ORDER, deployment: "on_premise" } } }, john.store)
        )
        expect(update.status).toEqual(400)
        expect(update.data.message).toMatch(/^plan_order\.deployment: "on_premise" is not offered; choose one of cloud, saas/)
        expect((await api.get(`/store/carts/${cartId}`, john.store)).data.cart.items[0].metadata).toEqual({ plan_order: CLOUD_ORDER })

        // The merchant drops the package the basket holds: completion checks the form again.
        await api.post(
          `/admin/products/${planForm.id}/acronis-offer`,
          { ...PLAN_FORM_OFFER, plan: { ...PLAN_FORM_OFFER.plan, packages: [PLAN_FORM_OFFER.plan.packages[0]] } },
          admin
        )
        await acceptTerms(cartId, john.store)
        await setBilling(cartId, john.store)
        await api.post(`/store/carts/${cartId}/acronis/service-details`, { login: "admin.dropped.example", email: "john@doe.example" }, john.store)
        await payWithSystemProvider(api, cartId, john.store)
        const completed = await failure(complete(cartId, john.store))
        expect(completed.status).toEqual(400)
        expect(completed.data.message).toMatch(/^plan_order\.package: "business" is not offered; choose one of team/)
        expect(await orders()).toEqual([])
      })

      it("keeps a tenant's one data location: a later cloud order elsewhere is refused naming it, in the store and the wizard", async () => {
        const store = await newBuyer("second")
        const first = await newCart(store)
        await addItem(first, store, planForm.variantId, { plan_order: CLOUD_ORDER })
        const order = await completePlanCart(first, store, "admin.second.example")
        expect(await subscriptionOf(order.id)).toEqual(expect.objectContaining({ status: "active" }))

        const elsewhere = { ...CLOUD_ORDER, data_location: ACRONIS_STORAGE }
        const cartId = await newCart(store)
        const refused = await failure(addItem(cartId, store, planForm.variantId, { plan_order: elsewhere }))
        expect(refused.status).toEqual(400)
        expect(refused.data.message).toMatch(
          new RegExp(`^plan_order\\.data_location: your Acronis tenant already keeps its data in Partner-hosted Storage \\(Virginia, US\\) \\(${PARTNER_STORAGE}\\)`)
        )
        expect((await api.get(`/store/carts/${cartId}`, store)).data.cart.items).toEqual([])
        expect((await addItem(cartId, store, planForm.variantId, { plan_order: CLOUD_ORDER })).status).toEqual(200)

        const { data: me } = await api.get("/store/customers/me", store)
        const staff = await failure(
          api.post("/admin/acronis/customer-orders", { customer_id: me.customer.id, product_id: planForm.id, reference: "Second plan", plan_order: elsewhere }, admin)
        )
        expect(staff.status).toEqual(400)
        expect(staff.data.message).toMatch(/^plan_order\.data_location: your Acronis tenant already keeps its data in Partner-hosted Storage/)
        expect(await orders()).toEqual([expect.objectContaining({ id: order.id })])
      })

      it("takes an order of a plan saved with fixed terms without the form, as before it", async () => {
        const legacy = await product("Plan with fixed terms", {
          type: "plan",
          plan: { deployment: "cloud", payment: "post_paid", billing_intervals: ["month"], data_centers: ["eu2"], seat_prices: { usd: 3 } },
          offering_items: [{ name: "pw_base_workstations", edition: "pck_per_workload", quota: { value: 10, overage: 0 } }],
        })
        const { data } = await api.get(`/store/products/${legacy.id}/acronis-offer`, john.store)
        expect(data.acronis_offer.plan.order_form_required).toEqual(false)
        expect(data.acronis_offer.plan.fields.package.options).toEqual([
          { value: "standard", label: "Standard", included_seats: null, seat_prices: { usd: 3 }, quotas: {} },
        ])
        const cartId = await newCart(john.store)
        expect((await addItem(cartId, john.store, legacy.variantId)).status).toEqual(200)
      })

      describe("the admin's wizard (seed 000) orders a plan with the same form", () => {
        const wizardOrder = (body: Record<string, unknown>) =>
          api.post("/admin/acronis/customer-orders", { customer_id: john.id, product_id: planForm.id, reference: "Contoso backup", ...body }, admin)
        const staffUser = async () => (await api.get("/admin/users/me", admin)).data.user as { id: string; email: string }
        const storedOrder = async (id: string) =>
          (await api.get(`/admin/orders/${id}?fields=id,email,currency_code,region_id,metadata,items.unit_price,items.metadata`, admin)).data.order

        it("gives the wizard the store's form with the data locations Acronis offers now, and proposes a free login", async () => {
          const { data } = await api.get(`/admin/products/${planForm.id}/acronis-offer/plan-form`, admin)
          const store = await api.get(`/store/products/${planForm.id}/acronis-offer`, john.store)
          expect(data.plan_form).toEqual(store.data.acronis_offer.plan)
          expect(data.plan_form.fields.data_location.options).toEqual([
            { value: ACRONIS_STORAGE, label: "Acronis Cloud Storage (Frankfurt, EU)" },
            { value: PARTNER_STORAGE, label: "Partner-hosted Storage (Virginia, US)" },
          ])
          const notPlan = await failure(api.get(`/admin/products/${ppu.id}/acronis-offer/plan-form`, admin))
          expect(notPlan.status).toEqual(400)
          expect(notPlan.data.message).toMatch(/^id: Acronis Cyber Protect Cloud is sold as pay per use, not as a plan/)

          await takenElsewhereInAcronis("admin.contoso.com")
          const proposal = await api.get("/admin/acronis/logins/proposal?username=Admin&domain=Contoso.com", admin)
          expect(proposal.data).toEqual(proposalPastTakenLogin)
          const badDomain = await failure(api.get("/admin/acronis/logins/proposal?username=Admin&domain=contoso", admin))
          expect(badDomain.status).toEqual(400)
          expect(badDomain.data.message).toMatch(/domain: must be a domain name/)
        })

        it("a cloud order executed at once: the proposed login, the chosen storage and the package's quotas in the tenant, the staff user its account manager", async () => {
          await takenElsewhereInAcronis("admin.contoso.com")
          const created = await wizardOrder({ plan_order: CLOUD_ORDER, execute: true })
          expect(created.status).toEqual(201)
          const manager = await staffUser()
          expect(manager.email).toEqual("admin@acronis.test")
          expect(created.data.order.metadata).toEqual(
            expect.objectContaining({
              acronis_staff_order: true,
              acronis_account_manager: { id: manager.id, email: "admin@acronis.test" },
              // The credentials go to the customer too: the activation e-mail is the contact's.
              acronis_service_details: { login: "admin2.contoso.com", email: "connie@contoso.com" },
            })
          )
          const order = await storedOrder(created.data.order.id)
          expect(order.currency_code).toEqual("usd")
          // Priced as a storefront plan line: the variant's price in the region's currency. The form as read.
          expect(order.items).toEqual([
            expect.objectContaining({
              unit_price: 25,
              metadata: { acronis: { billing_interval: "month" }, plan_order: { ...CLOUD_ORDER, postponed_billing: false, currency: null } },
            }),
          ])
          const subscription = await expectCloudOrderProvisioned(order.id)
          // The login goes to the staff user who placed the order and to the customer's contact.
          const ready = (await emailsAbout([subscription.id], 2)).filter((mail) => mail.template === "service-ready")
          expect(who(ready)).toEqual(["service-ready → admin@acronis.test", "service-ready → connie@contoso.com"])
          expect(ready[0].content.text).toContain("Login: admin2.contoso.com")
        })

        it("a SaaS order executed at once: placed in the region of the form's currency, credentials to the account manager", async () => {
          const created = await wizardOrder({ plan_order: SAAS_ORDER, execute: true })
          expect(created.status).toEqual(201)
          const manager = await staffUser()
          expect(created.data.order.metadata).toEqual(
            expect.objectContaining({
              acronis_account_manager: { id: manager.id, email: "admin@acronis.test" },
              acronis_service_details: { login: "admin.fabrikam.se", email: "admin@acronis.test" },
            })
          )
          const order = await storedOrder(created.data.order.id)
          // The order stays the customer's: only the service's activation e-mail goes to the account manager.
          expect(order).toEqual(expect.objectContaining({ currency_code: "sek", region_id: sek.id, email: "john@doe.example" }))
          expect(order.items).toEqual([expect.objectContaining({ unit_price: 260 })])
          const subscription = await expectSaasOrderProvisioned(order.id)
          // The account manager alone (the form's default) gets the Order ID and the login.
          const sent = (await emailsAbout([order.id, subscription.id], 2)).filter((mail) => mail.template !== "order-received")
          expect(who(sent)).toEqual(["saas-order-id → admin@acronis.test", "service-ready → admin@acronis.test"])
          expect(sent.find((mail) => mail.template === "saas-order-id")!.content.subject).toMatch(/^Your Order ID: \d+$/)
        })

        // Each row: the body, whether the order names the USD region, the refusal.
        it.each([
          ["no order form for a plan that has one", {}, false, /^plan_order: "Acronis Cloud Backup plan" is ordered with its order form: give plan_order/],
          ["a package not offered", { plan_order: { ...CLOUD_ORDER, package: "enterprise" } }, false, /^plan_order\.package: "enterprise" is not offered/],
          ["a storage the offer cannot use", { plan_order: { ...CLOUD_ORDER, data_location: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700003" } }, false, /^plan_order\.data_location: 0a1e0000-5b5e-4c0d-9e7a-acc0b5700003 is not a storage this offer can use/],
          ["a domain that is not one", { plan_order: { ...CLOUD_ORDER, domain: "contoso" } }, false, /^plan_order\.domain: must be a domain name/],
          ["a SaaS currency other than the region's", { plan_order: SAAS_ORDER }, true, /^plan_order\.currency: the order is in SEK but the region is in USD: set region_id to a region in SEK/],
        ])("refuses %s with a 400 naming the field, and writes no order", async (_, body, inUsd, message) => {
          const refused = await failure(wizardOrder({ ...body, ...(inUsd && { region_id: usd.id }), execute: true }))
          expect(refused.status).toEqual(400)
          expect(refused.data.message).toMatch(message)
          expect(await orders()).toEqual([])
        })

        it("refuses an order form on a product that is not a plan", async () => {
          const refused = await failure(wizardOrder({ product_id: ppu.id, ...PPU_SETTINGS, login: "john.wizard", plan_order: CLOUD_ORDER }))
          expect(refused.status).toEqual(400)
          expect(refused.data.message).toMatch(/^plan_order: Acronis Cyber Protect Cloud is not a plan/)
          expect(await orders()).toEqual([])
        })
      })

      it("e-mails the login to whoever the form names, and a SaaS order's Order ID when it is placed; the tenant is the form's company and contact", async () => {
        // A cloud order whose credentials go to the account manager (in the storefront, the buyer) and the contact.
        const manager = await newBuyer("manager")
        const cloudCart = await newCart(manager)
        await addItem(cloudCart, manager, planForm.variantId, { plan_order: CLOUD_ORDER })
        const cloud = await completePlanCart(cloudCart, manager, "admin.contoso.com")
        const cloudSubscription = await subscriptionOf(cloud.id)

        // A SaaS order whose credentials and Order ID go to the customer's contact alone.
        const fabrikam = { company_name: "Fabrikam AB", contact_name: "Fabia  van Rikam", contact_email: "IT@Fabrikam.se" }
        const saasBuyer = await newBuyer("reseller")
        const saasCart = await newCart(saasBuyer, sek.id)
        const saasOrder = {
          deployment: "saas",
          payment: "pre_paid",
          package: "team",
          currency: "sek",
          customer: fabrikam,
          domain: "fabrikam.se",
          admin_username: "Admin",
          send_credentials_to: ["customer"],
        }
        await addItem(saasCart, saasBuyer, planForm.variantId, { plan_order: saasOrder })
        const saas = await completePlanCart(saasCart, saasBuyer, "admin.fabrikam.se")
        const saasSubscription = await subscriptionOf(saas.id)

        const cloudMail = await emailsAbout([cloud.id, cloudSubscription.id], 3)
        expect(who(cloudMail)).toEqual([
          "order-received → manager@buyer.example",
          "service-ready → connie@contoso.com",
          "service-ready → manager@buyer.example",
        ])
        for (const ready of cloudMail.filter((mail) => mail.template === "service-ready")) {
          expect(ready.content.text).toContain("Login: admin.contoso.com")
          expect(ready.content.text).toContain(`Manage your service: `)
        }
        const saasMail = await emailsAbout([saas.id, saasSubscription.id], 3)
        expect(who(saasMail)).toEqual([
          "order-received → reseller@buyer.example",
          "saas-order-id → IT@Fabrikam.se",
          "service-ready → IT@Fabrikam.se",
        ])
        const orderId = saasMail.find((mail) => mail.template === "saas-order-id")!
        expect(orderId.resource_id).toEqual(saas.id)
        expect(orderId.content.subject).toMatch(/^Your Order ID: \d+$/)
        expect(orderId.content.text).toContain("- Acronis Cloud Backup plan — Team (10 users), SEK, Pre-paid")
        expect(saasMail.find((mail) => mail.template === "service-ready")!.content.text).toContain("Login: admin.fabrikam.se")

        // Once per order: the order placed again (a second process, the recovery job) sends no second Order ID.
        const eventBus = container.resolve<IEventBusModuleService>(Modules.EVENT_BUS)
        const handled = TestEventUtils.waitSubscribersExecution(AcronisEvents.SAAS_ORDER_PLACED, eventBus as never)
        await createAcronisOrderSubscriptionsWorkflow(container).run({ input: { order_id: saas.id } })
        await handled
        expect(who(await emailsAbout([saas.id, saasSubscription.id], 3))).toEqual(who(saasMail))

        const { tenants } = await sandboxState()
        expect(tenants.find((tenant) => tenant.id === cloudSubscription.tenant_id)).toEqual(
          expect.objectContaining({
            name: "Contoso Ltd",
            contact: expect.objectContaining({ email: "connie@contoso.com", firstname: "Connie", lastname: "Toso" }),
          })
        )
        expect(tenants.find((tenant) => tenant.id === saasSubscription.tenant_id)).toEqual(
          expect.objectContaining({
            name: "Fabrikam AB",
            contact: expect.objectContaining({ email: "IT@Fabrikam.se", firstname: "Fabia", lastname: "van Rikam" }),
          })
        )
      })
    })

    describe("the storefront client (medusa-plugin-acronis/storefront) on @medusajs/js-sdk", () => {
      /** A storefront's sdk against the test server, the customer signed in through it (createStoreCustomer's password). */
      async function storefront(email: string) {
        const sdk = new Medusa({
          baseUrl: api.defaults.baseURL!,
          publishableKey: guestStore.headers["x-publishable-api-key"],
          // Node has no localStorage: the token is kept in memory, as a server-rendered storefront would.
          auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
        })
        await sdk.auth.login("customer", "emailpass", { email, password: "correct-horse-battery-staple" })
        return { sdk, acronis: createAcronisStorefront(sdk) }
      }
      const rejection = (promise: Promise<unknown>) =>
        promise.then(
          () => {
            throw new Error("expected the request to fail")
          },
          (error: unknown) => {
            if (!(error instanceof FetchError)) throw error
            return { status: error.status, message: error.message }
          }
        )

      it("walks a pay-per-use purchase's Acronis steps with the sdk's key and token, then shows the subscription", async () => {
        const { sdk, acronis } = await storefront("john@doe.example")

        const { acronis_offers } = await acronis.offers.list()
        expect(acronis_offers.map((offer) => offer.product_id).sort()).toEqual([contract.id, ppu.id, planForm.id].sort())
        const { acronis_offer: offer } = await acronis.offers.retrieve(ppu.id)
        expect(offer.type).toEqual("ppu")
        expect(offer.settings.map(({ key, options }) => [key, options.map(({ value }) => value)])).toEqual([
          ["protection_licensing_model", ["per_gigabyte", "per_workload"]],
          ["file_sync_share_licensing_model", ["per_user", "per_workload"]],
        ])
        expect(await rejection(acronis.offers.retrieve(plain.id))).toEqual({ status: 404, message: `Product ${plain.id} is not an Acronis product` })

        const { cart } = await sdk.store.cart.create({ region_id: usd.id })
        const added = await acronis.cart.addItem(cart.id, {
          variant_id: ppu.variantId,
          settings: { protection_licensing_model: "per_gigabyte", file_sync_share_licensing_model: "per_user" },
        })
        const itemId = added.cart.items[0].id as string
        // The shopper changes a choice in the basket; a model the offer does not sell is refused by name.
        const refusedModel = await rejection(
          acronis.cart.setBasketSettings(cart.id, itemId, { protection_licensing_model: "per_user", file_sync_share_licensing_model: "per_user" })
        )
        expect(refusedModel.status).toEqual(400)
        expect(refusedModel.message).toMatch(/protection_licensing_model/)
        await acronis.cart.setBasketSettings(cart.id, itemId, PPU_SETTINGS)

        const { acronis_checkout: first } = await acronis.checkout.state(cart.id)
        expect(first).toEqual(
          expect.objectContaining({
            cart_id: cart.id,
            has_acronis_items: true,
            buyer: "direct_customer",
            sub_account_id: null,
            ready: false,
            items: [{ line_item_id: itemId, title: expect.any(String), type: "ppu", settings: PPU_SETTINGS }],
          })
        )
        expect(stepsOf(first)).toEqual({
          terms: { required: true, completed: false },
          billing: { required: true, completed: false },
          service_details: { required: true, completed: false },
        })
        const termsStep = first.steps.find((step) => step.step === "terms")
        if (termsStep?.step !== "terms") throw new Error("no terms step")

        const { acronis_terms_consent: consent } = await acronis.checkout.acceptTerms(cart.id, { terms_version: termsStep.terms_version, accepted: true })
        expect(consent).toEqual(expect.objectContaining({ cart_id: cart.id, terms_version: TERMS_VERSION, terms_url: termsStep.terms_url }))
        await sdk.store.cart.update(cart.id, { billing_address: BILLING_ADDRESS })

        expect(await acronis.logins.availability({ login: "JohnDoe", cart_id: cart.id })).toEqual({ login: "johndoe", available: true, reason: null })
        const badEmail = await rejection(acronis.checkout.saveServiceDetails(cart.id, { login: "JohnDoe", email: "not an e-mail" }))
        expect(badEmail.status).toEqual(400)
        expect(badEmail.message).toMatch(/email/)
        const saved = await acronis.checkout.saveServiceDetails(cart.id, { login: "JohnDoe", email: "john@doe.example" })
        expect(saved.service_details).toEqual({ login: "johndoe", email: "john@doe.example" })
        expect(saved.acronis_checkout.ready).toEqual(true)
        expect(stepsOf((await acronis.checkout.state(cart.id)).acronis_checkout)).toEqual({
          terms: { required: true, completed: true },
          billing: { required: true, completed: true },
          service_details: { required: true, completed: true },
        })

        await payWithSystemProvider(api, cart.id, john.store)
        const completed = await sdk.store.cart.complete(cart.id)
        if (completed.type !== "order") throw new Error(`cart not completed: ${completed.error.message}`)

        // Provisioning runs in the background: the account area shows the subscription once it is active.
        let subscription
        for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
          subscription = (await acronis.subscriptions.list()).subscriptions.find((found) => found.order_id === completed.order.id)
          if (subscription?.status === "active") break
        }
        expect(subscription).toEqual(
          expect.objectContaining({ type: "ppu", status: "active", login: "johndoe", ...PPU_SETTINGS, manage_url: expect.stringMatching(/^https?:/) })
        )
        const { usage } = await acronis.subscriptions.usage(subscription!.id)
        expect(usage).toEqual(expect.objectContaining({ subscription_id: subscription!.id, estimate: expect.objectContaining({ currency_code: "usd" }) }))
        expect(await acronis.subscriptions.statements(subscription!.id)).toEqual({ statements: [] })
        // Another customer's subscription is not found, as if it did not exist.
        const { acronis: ritas } = await storefront("rita@reseller.example")
        expect((await rejection(ritas.subscriptions.usage(subscription!.id))).status).toEqual(404)
      })

      it("a reseller creates a sub-account after its review, then previews a CSV of users", async () => {
        const { acronis } = await storefront("rita@reseller.example")
        expect((await acronis.reseller.retrieve()).reseller).toEqual(
          expect.objectContaining({ id: rita.reseller_id, name: "Rita's IT", users: [expect.objectContaining({ id: rita.id })] })
        )
        const body = {
          kind: "end_customer" as const,
          name: "Northwind Traders",
          email: "IT@Northwind.example",
          address_1: "1 Harbour Road",
          city: "Seattle",
          postal_code: "98101",
          country_code: "US",
        }
        expect(await acronis.subAccounts.similar({ name: body.name, email: body.email })).toEqual({ matches: [] })
        const { sub_account: created } = await acronis.subAccounts.create(body)
        expect(created).toEqual(
          expect.objectContaining({ name: "Northwind Traders", email: "it@northwind.example", country_code: "us", status: "pending", account_number: "PENDING" })
        )
        expect((await acronis.subAccounts.similar({ name: "Northwind Traders Inc" })).matches).toEqual([
          { sub_account: expect.objectContaining({ id: created.id }), reasons: expect.arrayContaining(["name"]) },
        ])

        let subAccount = created
        for (const deadline = Date.now() + 20_000; subAccount.status !== "active" && Date.now() < deadline; ) {
          await new Promise((resolve) => setTimeout(resolve, 200))
          subAccount = (await acronis.subAccounts.retrieve(created.id)).sub_account
        }
        expect(subAccount).toEqual(expect.objectContaining({ status: "active", account_number: expect.not.stringMatching(/^PENDING$/) }))
        expect((await acronis.subAccounts.list({ status: "active" })).sub_accounts.map(({ id }) => id)).toEqual([created.id])

        const csv = ["email,first_name,last_name,language,time_zone", "ann@northwind.example,Ann,Archer,en,UTC", "bob@northwind.example,Bob,Baker,xx,UTC"].join("\n")
        const preview = await acronis.subAccounts.users.importPreview(created.id, csv)
        expect(preview.valid).toBe(false)
        expect(preview.rows).toEqual([
          expect.objectContaining({ row: 2, email: "ann@northwind.example", errors: [] }),
          expect.objectContaining({ row: 3, email: "bob@northwind.example", errors: [{ field: "language", reason: expect.stringContaining("ISO 639-1") }] }),
        ])
        // The preview wrote nothing.
        expect(await acronis.subAccounts.users.list(created.id)).toEqual({ users: [], count: 0 })
      })
    })

    it("a cart without Acronis items behaves as in plain Medusa: no steps, completes without terms or service details", async () => {
      const cartId = await newCart(guestStore)
      await addItem(cartId, guestStore, plain.variantId, undefined, 3)
      const view = await checkout(cartId, guestStore)
      expect(view).toEqual(expect.objectContaining({ has_acronis_items: false, steps: [], ready: true }))
      await setBilling(cartId, guestStore, { email: "guest@example.com" })
      await payWithSystemProvider(api, cartId, guestStore)
      const completed = await complete(cartId, guestStore)
      expect(completed.data.type).toEqual("order")
      expect(completed.data.order.items).toEqual([expect.objectContaining({ quantity: 3 })])
      const terms = await failure(acceptTerms(cartId, guestStore))
      expect(terms.status).toEqual(400)
    })
  },
})
