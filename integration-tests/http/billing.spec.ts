import { mkdtempSync } from "node:fs"
import { rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import { createOrderWorkflow, createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ACRONIS_MODULE } from "../../src/modules/acronis"
import type AcronisModuleService from "../../src/modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../../src/modules/acronis-billing"
import type AcronisBillingModuleService from "../../src/modules/acronis-billing/service"
import { applyDueAcronisTermChanges, closeAcronisMonthWorkflow, closeDueAcronisMonths, endAcronisGracePeriodsWorkflow, syncAcronisUsageWorkflow } from "../../src/workflows"
import acronisMonthlyClose from "../../src/jobs/acronis-monthly-close"
import acronisUsageSync from "../../src/jobs/acronis-usage-sync"
import { ensureMonthUsageReport } from "../../src/workflows/acronis-billing/usage-report"
import { createAdminHeaders } from "./fixtures/admin"
import { BILLING_ADDRESS, createRegion, payWithSystemProvider } from "./fixtures/checkout"
import { createPublishableKey, createStoreCustomer, type TestCustomer } from "./fixtures/customer"
import { createDigitalProduct } from "./fixtures/products"
import { createStoreChannel } from "./fixtures/store"
import PLAN_FORM_OFFER from "./fixtures/plan-form-offer.json"

jest.setTimeout(300 * 1000)

const outboxDir = path.join(mkdtempSync(path.join(os.tmpdir(), "acronis-billing-")), "outbox")
process.env.NOTIFICATION_OUTBOX_DIR = outboxDir

const GiB = 1073741824
const INFRA = {
  acronisBackup: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700001",
  partnerBackup: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700002",
}

const PPU = {
  type: "ppu",
  protection_models: ["per_gigabyte", "per_workload"],
  file_sync_share_models: ["per_user"],
  unit_prices: {
    pg_base_storage: { usd: 0.05 },
    pg_base_workstations: { usd: 4 },
    pw_base_storage: { usd: 0.05 },
    pw_base_adv_dr_compute_points: { usd: 0.3 },
  },
}
const plan = (payment: "pre_paid" | "post_paid", extra: Record<string, unknown> = {}) => ({
  type: "plan",
  plan: { deployment: "cloud", payment, billing_intervals: ["month"], data_centers: ["eu2"], seat_prices: { usd: 3.5 }, ...extra },
  offering_items: [{ name: "pw_base_workstations", edition: "pck_per_workload", quota: { value: 10, overage: 5 } }],
})
const OFFERS = {
  ppu: PPU,
  ppuLastDay: { ...PPU, storage_basis: "last_day" },
  contract: { type: "contract", contract_tier: 1, commitments: { usd: 250 }, unit_prices: { pg_base_workstations: { usd: 4 } } },
  postPaid: plan("post_paid"),
  prePaid: { ...plan("pre_paid", { included_seats: 10 }), unit_prices: { pw_base_workstations: { usd: 5 } } },
  postponed: plan("post_paid", { postponed_billing: true }),
} as const
type OfferName = keyof typeof OFFERS

const planOrder = (payment: "post_paid" | "pre_paid", company: string, data_location = INFRA.partnerBackup) => ({
  deployment: "cloud",
  payment,
  package: "business",
  data_location,
  data_location_confirmed: true,
  customer: { company_name: company, contact_name: "Connie Toso", contact_email: "connie@contoso.com" },
  domain: `${company.toLowerCase().replace(/\W+/g, "")}.example`,
  admin_username: "Admin",
})

/** Only `Date` is faked: the app, the sandbox and the test share one clock we move through a month. */
const FAKE_DATE_ONLY = {
  advanceTimers: true,
  doNotFake: [
    "hrtime",
    "nextTick",
    "performance",
    "queueMicrotask",
    "requestAnimationFrame",
    "cancelAnimationFrame",
    "requestIdleCallback",
    "cancelIdleCallback",
    "setImmediate",
    "clearImmediate",
    "setInterval",
    "clearInterval",
    "setTimeout",
    "clearTimeout",
  ],
} as const

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let acronis: AcronisModuleService
    let billing: AcronisBillingModuleService
    let sandboxUrl: string
    let admin: { headers: Record<string, string> }
    let regionId: string
    let publishableKey: string
    let owner: TestCustomer
    let products: Record<OfferName, { id: string; offerId: string }>
    let tenantCount = 0

    const sandbox = async <T = unknown>(route: string, init?: { method?: string; body?: unknown }): Promise<T> => {
      const response = await fetch(`${sandboxUrl}/__sandbox${route}`, {
        method: init?.method ?? "GET",
        headers: init?.body ? { "content-type": "application/json" } : undefined,
        body: init?.body ? JSON.stringify(init.body) : undefined,
      })
      if (response.status >= 400) throw new Error(`sandbox ${route}: ${response.status} ${await response.text()}`)
      return (response.status === 204 ? undefined : await response.json()) as T
    }

    type Point = { offering_item: string; date: string; value: number; infra_id?: string }
    const setUsage = (tenantId: string, points: Point[]) =>
      sandbox("/usages", { method: "PUT", body: { items: points.map((p) => ({ tenant_id: tenantId, ...p })) } })

    const at = (instant: string) => jest.setSystemTime(new Date(instant))
    const sync = (ids?: string[]) => syncAcronisUsageWorkflow(container).run({ input: { subscription_ids: ids } })
    const close = (subscription_id: string, period = "2026-09", order_mode?: "order" | "draft_order") =>
      closeAcronisMonthWorkflow(container).run({ input: { subscription_id, period, order_mode } })

    /** A customer tenant in the sandbox with the offer's edition enabled, as provisioning leaves it. */
    async function createTenant(edition: "pck_per_gigabyte" | "pck_per_workload") {
      const client = acronis.getAcronisClient()
      const root = await acronis.getRootTenantId()
      const tenant = await client.tenants.create({ name: `Billing customer ${++tenantCount}`, kind: "customer", parent_id: root })
      const available = await client.offeringItems.availableForChild(root, { kind: "customer", edition: "*" })
      const wanted = edition === "pck_per_gigabyte" ? ["pg_base_storage", "pg_base_workstations"] : ["pw_base_storage", "pw_base_workstations"]
      await client.offeringItems.update(
        tenant.id,
        available
          .filter((i) => wanted.includes(i.name) && (!i.infra_id || i.infra_id === INFRA.acronisBackup))
          .map((i) => ({ application_id: i.application_id, name: i.name, infra_id: i.infra_id ?? undefined, status: 1 as const }))
      )
      return tenant.id
    }

    /**
     * Provisioning switches a paid tenant to production when it activates it (Acronis splits usage into trial
     * and production by that); a first-month-free plan stays in trial. Done at `at` on the sandbox clock.
     */
    async function switchToProduction(tenantId: string, at: string) {
      const client = acronis.getAcronisClient()
      await sandbox("/clock", { method: "PUT", body: { at } })
      try {
        const { version } = await client.tenants.getPricing(tenantId)
        await client.tenants.setPricing(tenantId, { mode: "production", version })
      } finally {
        await sandbox("/clock", { method: "DELETE" })
      }
    }

    /** A real order in the customer's currency and an active subscription on it, as provisioning leaves it. */
    async function subscribe(offer: OfferName, activatedAt: string, customer = owner, terms: Record<string, unknown> = {}) {
      const edition = offer === "ppu" || offer === "ppuLastDay" || offer === "contract" ? "pck_per_gigabyte" : "pck_per_workload"
      const tenantId = await createTenant(edition)
      const pricingMode = (terms.pricing_mode as "trial" | "production" | undefined) ?? (offer === "postponed" ? "trial" : "production")
      if (pricingMode === "production") await switchToProduction(tenantId, activatedAt)
      const { result: order } = await createOrderWorkflow(container).run({
        input: {
          region_id: regionId,
          customer_id: customer.customer.id,
          email: customer.customer.email,
          currency_code: "usd",
          status: "pending",
          items: [{ title: `Acronis ${offer}`, quantity: 1, unit_price: 0 }],
        } as any,
      })
      const [subscription] = await acronis.createAcronisSubscriptions([
        {
          type: OFFERS[offer].type as "ppu" | "contract" | "plan",
          status: "active" as const,
          customer_id: customer.customer.id,
          order_id: order.id,
          line_item_id: order.items![0].id,
          offer_id: products[offer].offerId,
          service_name: `Acronis ${offer}`,
          tenant_kind: "customer" as const,
          tenant_id: tenantId,
          login: `login-${tenantId.slice(0, 8)}`,
          email: customer.customer.email,
          billing_cycle: "calendar_month",
          activated_at: new Date(activatedAt),
          pricing_mode: pricingMode,
          ...terms,
        },
      ])
      return { id: subscription.id, tenantId, orderId: order.id }
    }

    const statementOf = async (subscriptionId: string) => {
      const [statement] = await billing.listAcronisStatements({ subscription_id: subscriptionId }, { relations: ["lines"] })
      return statement
    }
    const linesOf = (statement: Awaited<ReturnType<typeof statementOf>>) =>
      [...statement.lines].sort((a, b) => a.position - b.position).map((l) => [l.kind, l.offering_item, l.quantity, l.amount])

    async function counts() {
      const [snapshots, statements, lines, reports] = await Promise.all([
        billing.listAcronisUsageSnapshots({}, { select: ["id", "value"], take: null }),
        billing.listAcronisStatements({}, { select: ["id", "total", "order_id", "draft_order_id"], take: null }),
        billing.listAcronisStatementLines({}, { select: ["id"], take: null }),
        billing.listAcronisUsageReports({}, { select: ["id"], take: null }),
      ])
      const { data: orders } = await container
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order", fields: ["id", "metadata", "is_draft_order", "status", "total"] })
      const billingOrders = orders.filter((o: any) => o.metadata?.acronis_statement_id)
      return {
        snapshots: snapshots.map((s) => `${s.id}=${s.value}`).sort(),
        statements: statements.map((s) => `${s.id}=${s.total}:${s.order_id ?? s.draft_order_id ?? "-"}`).sort(),
        lines: lines.length,
        reports: reports.length,
        billingOrders: billingOrders.map((o: any) => `${o.id}:${o.metadata.acronis_statement_id}`).sort(),
      }
    }

    beforeAll(async () => {
      container = getContainer()
      acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
      billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
      sandboxUrl = (await acronis.getStatus()).datacenter_url
    })

    beforeEach(async () => {
      await sandbox("/reset", { method: "POST" })
      await rm(outboxDir, { recursive: true, force: true })
      admin = await createAdminHeaders(api, container)
      publishableKey = await createPublishableKey(container)
      owner = await createStoreCustomer(api, publishableKey, { email: "owner@customer.test" })
      const { result: [region] } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "US", currency_code: "usd" }] } })
      regionId = region.id
      products = {} as typeof products
      for (const name of Object.keys(OFFERS) as OfferName[]) {
        const product = await createDigitalProduct(api, admin, { title: `Acronis ${name}`, prices: { usd: 0 } })
        const { data } = await api.post(`/admin/products/${product.id}/acronis-offer`, OFFERS[name], admin)
        products[name] = { id: product.id, offerId: data.acronis_offer.id }
      }
    })

    /**
     * Statement e-mails are sent by a subscriber after the close returns; one still under way when a test
     * ends would lose its rows to the next test's reset and log an error. Waits (bounded) until no
     * notification is pending and none was added for a quarter of a second.
     */
    async function emailsSettled() {
      const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
      let seen = -1
      for (let poll = 0; poll < 40; poll++) {
        const all = await notifications.listNotifications({}, { select: ["id", "status"], take: null })
        if (all.length === seen && all.every((n) => n.status !== "pending")) return
        seen = all.length
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }

    afterEach(async () => {
      jest.useRealTimers()
      await emailsSettled()
    })

    afterAll(async () => {
      await rm(path.dirname(outboxDir), { recursive: true, force: true })
    })

    it("bills a month of usage by each rule to the cent, reconciles ten subscriptions with Acronis, and closes once", async () => {
      const subs = {
        peak: await subscribe("ppu", "2026-09-01T00:00:00Z"),
        lastDay: await subscribe("ppuLastDay", "2026-09-01T00:00:00Z"),
        midMonth: await subscribe("ppu", "2026-09-15T09:30:00Z"),
        compute: await subscribe("ppu", "2026-09-01T00:00:00Z"),
        contractBelow: await subscribe("contract", "2026-09-01T00:00:00Z"),
        contractAbove: await subscribe("contract", "2026-09-01T00:00:00Z"),
        postPaid: await subscribe("postPaid", "2026-09-01T00:00:00Z"),
        prePaid: await subscribe("prePaid", "2026-09-11T08:00:00Z"),
        // One month free from 1 September: all of September.
        postponed: await subscribe("postponed", "2026-09-01T12:00:00Z"),
        skewed: await subscribe("ppu", "2026-09-01T00:00:00Z"),
      }
      const storage = (date: string, gib: number, infra_id = INFRA.acronisBackup) => ({ offering_item: "pg_base_storage", date, value: gib * GiB, infra_id })
      const workstations = (name: string, date: string, value: number) => ({ offering_item: name, date, value })
      const pg = (date: string, value: number) => workstations("pg_base_workstations", date, value)
      const pw = (date: string, value: number) => workstations("pw_base_workstations", date, value)

      // The month's usage, as Acronis records it (a value holds until the next one).
      await setUsage(subs.peak.tenantId, [
        storage("2026-09-01", 100),
        storage("2026-09-15", 250.5),
        storage("2026-09-20", 20, INFRA.partnerBackup), // a second storage adds, it does not overwrite
        storage("2026-09-25", 180),
        pg("2026-09-01", 3),
        pg("2026-09-10", 5),
        pg("2026-09-20", 4),
      ])
      await setUsage(subs.lastDay.tenantId, [storage("2026-09-01", 500), storage("2026-09-30", 1.5), pg("2026-09-05", 2)])
      await setUsage(subs.midMonth.tenantId, [pg("2026-09-01", 9), pg("2026-09-15", 2), pg("2026-09-25", 3)])
      await setUsage(subs.compute.tenantId, [
        { offering_item: "pw_base_adv_dr_compute_points", date: "2026-08-31", value: 36_000 },
        { offering_item: "pw_base_adv_dr_compute_points", date: "2026-09-10", value: 41_400 },
        { offering_item: "pw_base_adv_dr_compute_points", date: "2026-09-30", value: 50_400 },
        { offering_item: "pg_base_storage", date: "2026-09-01", value: 10 * GiB },
      ])
      await setUsage(subs.contractBelow.tenantId, [pg("2026-09-01", 10)])
      await setUsage(subs.contractAbove.tenantId, [pg("2026-09-01", 70)])
      await setUsage(subs.postPaid.tenantId, [pw("2026-09-01", 4), pw("2026-09-15", 7), pw("2026-09-25", 6)])
      await setUsage(subs.prePaid.tenantId, [pw("2026-09-15", 8), pw("2026-09-25", 13)])
      await setUsage(subs.postponed.tenantId, [pw("2026-09-05", 4)])
      await setUsage(subs.skewed.tenantId, [pg("2026-09-01", 5)])

      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      for (const day of ["01", "05", "10", "15", "20", "25", "28", "29", "30"]) {
        at(`2026-09-${day}T10:00:00Z`)
        const { result } = await sync()
        expect(result).toEqual(expect.objectContaining({ subscriptions: 10, failed: [] }))
      }
      // Later the same day the usage changes: the day's snapshot is replaced, not added to.
      await setUsage(subs.peak.tenantId, [pg("2026-09-30", 6)])
      at("2026-09-30T18:00:00Z")
      const resync = await sync()
      expect(resync.result.snapshots_created).toEqual(0)
      expect(resync.result.snapshots_replaced).toBeGreaterThan(0)
      const peakDay = await billing.listAcronisUsageSnapshots({ subscription_id: subs.peak.id, offering_item: "pg_base_workstations", day: "2026-09-30" })
      expect(peakDay.map((s) => s.value)).toEqual(["6"])

      // Syncing again with nothing changed in Acronis is a no-op: same rows, same values.
      const synced = (await counts()).snapshots
      at("2026-09-30T19:00:00Z")
      await acronisUsageSync(container)
      expect((await counts()).snapshots).toEqual(synced)

      // After our last sync, Acronis's record of one tenant's last day changes: its report will disagree.
      await setUsage(subs.skewed.tenantId, [pg("2026-09-30", 6)])

      // The close job's run at 03:20: Acronis is still computing the month's last day (it refuses the report
      // from 1 to 6 am UTC), so the run does not ask for it, and every statement waits on hold.
      await sandbox("/requests", { method: "DELETE" })
      at("2026-10-01T03:20:00Z")
      const early = await closeDueAcronisMonths(container, { now: new Date() })
      expect({ closed: early.closed.length, on_hold: early.on_hold.length, failed: early.failed }).toEqual({ closed: 0, on_hold: 10, failed: [] })
      for (const sub of Object.values(subs)) {
        const held = await statementOf(sub.id)
        expect({ status: held.status, code: (held.hold_reason as any)?.code, order: held.order_id ?? held.draft_order_id }).toEqual({
          status: "on_hold",
          code: "report_unavailable",
          order: null,
        })
      }
      // The admin's list puts every subscription with a statement on hold among those needing attention.
      const attention = await api.get("/admin/acronis/subscriptions?needs_attention=true&limit=100", admin)
      expect(attention.data.subscriptions.map((s: { id: string }) => s.id).sort()).toEqual(Object.values(subs).map((sub) => sub.id).sort())
      const postReports = async () =>
        (await sandbox<{ items: { method: string; path: string }[] }>("/requests")).items.filter((r) => r.method === "POST" && r.path.endsWith("/reports"))
      expect(await postReports()).toHaveLength(0)
      // Nothing was e-mailed or billed for a statement on hold.
      expect((await counts()).billingOrders).toEqual([])

      // The next hourly run, after 6 am, gets the report and issues every statement: one request in all.
      at("2026-10-01T07:20:00Z")
      const later = await closeDueAcronisMonths(container, { now: new Date() })
      expect({ closed: later.closed.length, on_hold: later.on_hold.length, failed: later.failed }).toEqual({ closed: 10, on_hold: 0, failed: [] })
      expect((await api.get("/admin/acronis/subscriptions?needs_attention=true", admin)).data).toEqual(expect.objectContaining({ subscriptions: [], count: 0 }))
      expect(await postReports()).toHaveLength(1)

      const expected: Record<keyof typeof subs, { total: string; lines: unknown[] }> = {
        // 270.5 GB (250.5 + 20 on the second storage, 20 Sep) × 0.05 = 13.525; 6 workstations × 4
        peak: { total: "37.53", lines: [["usage", "pg_base_storage", "270.5", "13.53"], ["usage", "pg_base_workstations", "6", "24.00"]] },
        // last day: 1.5 GB × 0.05 = 0.075
        lastDay: { total: "8.08", lines: [["usage", "pg_base_storage", "1.5", "0.08"], ["usage", "pg_base_workstations", "2", "8.00"]] },
        // from 15 Sep only: the 9 workstations before do not count
        midMonth: { total: "12.00", lines: [["usage", "pg_base_storage", "0", "0.00"], ["usage", "pg_base_workstations", "3", "12.00"]] },
        // 14 400 s = 4 h × 0.3; 10 GB × 0.05
        compute: { total: "1.70", lines: [["usage", "pg_base_storage", "10", "0.50"], ["usage", "pg_base_workstations", "0", "0.00"], ["usage", "pw_base_adv_dr_compute_points", "4", "1.20"]] },
        contractBelow: { total: "250.00", lines: [["usage", "pg_base_workstations", "10", "40.00"], ["commitment_shortfall", null, "1", "210.00"]] },
        contractAbove: { total: "280.00", lines: [["usage", "pg_base_workstations", "70", "280.00"]] },
        postPaid: { total: "24.50", lines: [["seat", null, "7", "24.50"]] },
        // 20 of 30 days of 35.00; 3 workstations above 10 × 5; October in advance
        prePaid: { total: "73.33", lines: [["proration", null, "0.666667", "23.33"], ["overage", "pw_base_workstations", "3", "15.00"], ["seat", null, "1", "35.00"]] },
        postponed: { total: "0.00", lines: [["seat", null, "4", "14.00"], ["free_month", null, "1", "-14.00"]] },
        skewed: { total: "20.00", lines: [["usage", "pg_base_storage", "0", "0.00"], ["usage", "pg_base_workstations", "5", "20.00"]] },
      }
      for (const [name, sub] of Object.entries(subs) as [keyof typeof subs, (typeof subs)["peak"]][]) {
        const statement = await statementOf(sub.id)
        expect({ name, total: statement.total, lines: linesOf(statement) }).toEqual({ name, ...expected[name] })
        expect(statement.status).toEqual(Number(statement.total) > 0 ? "billed" : "issued")
      }

      // Each line keeps the snapshots it came from.
      const peakStatement = await statementOf(subs.peak.id)
      const storageLine = peakStatement.lines.find((l) => l.offering_item === "pg_base_storage")!
      expect(storageLine.sources).toEqual(expect.objectContaining({ days: ["2026-09-20"], raw_quantity: String(270.5 * GiB) }))
      const sourceRows = await billing.listAcronisUsageSnapshots({ id: (storageLine.sources as any).snapshot_ids })
      expect(sourceRows.map((s) => [s.day, s.infra_id, s.value]).sort()).toEqual([
        ["2026-09-20", INFRA.acronisBackup, String(250.5 * GiB)],
        ["2026-09-20", INFRA.partnerBackup, String(20 * GiB)],
      ])

      // Reconciliation against the month's usage_summary: nine match, the skewed one is flagged.
      const reconciliations: Record<string, any> = Object.fromEntries(
        await Promise.all(Object.entries(subs).map(async ([name, sub]) => [name, (await statementOf(sub.id)).reconciliation as any]))
      )
      for (const [name, rec] of Object.entries(reconciliations)) {
        if (name === "skewed") continue
        expect({ name, status: rec.status, details: rec.details }).toEqual({ name, status: "matched", details: [] })
        expect(rec.compared).toBeGreaterThan(0)
      }
      expect(reconciliations.skewed).toEqual(
        expect.objectContaining({
          status: "mismatch",
          details: [{ pricing_mode: "production", offering_item: "pg_base_workstations", infra_id: null, ours: "5", acronis: "6" }],
        })
      )
      expect(await postReports()).toHaveLength(1)

      // One draft order per charged statement, in the order's currency, for the statement's total.
      const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "status", "is_draft_order", "currency_code", "customer_id", "total", "metadata", "items.title", "items.unit_price"],
      })
      const billed = orders.filter((o: any) => o.metadata?.acronis_statement_id)
      expect(billed).toHaveLength(9)
      const prePaidOrder = billed.find((o: any) => o.metadata.acronis_subscription_id === subs.prePaid.id) as any
      // Totals come back as Medusa BigNumbers.
      expect({ ...prePaidOrder, total: Number(prePaidOrder.total) }).toEqual(
        expect.objectContaining({ status: "draft", is_draft_order: true, currency_code: "usd", customer_id: owner.customer.id, total: 73.33 })
      )
      expect(prePaidOrder.items.map((i: any) => Number(i.unit_price)).sort()).toEqual([15, 23.33, 35])
      expect((await statementOf(subs.prePaid.id)).draft_order_id).toEqual(prePaidOrder.id)

      // The free month's end was announced once, though three syncs fell in its last days.
      const notices = await container
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ trigger_type: "acronis.free_month.ending", resource_id: subs.postponed.id })
      expect(notices.filter((n) => n.channel === "email")).toHaveLength(1)

      // Closing the month again changes nothing: no new statement, line, report or order.
      const before = await counts()
      at("2026-10-01T08:20:00Z")
      await acronisMonthlyClose(container)
      for (const sub of Object.values(subs)) await close(sub.id)
      expect(await counts()).toEqual(before)
      // A statement whose order was made but never recorded (a crash between the two) is not billed again:
      // the next run finds the order by the statement's id and only records it.
      const prePaidStatement = await statementOf(subs.prePaid.id)
      await billing.updateAcronisStatements({ id: prePaidStatement.id, status: "issued", draft_order_id: null, order_id: null })
      const { result: resumed } = await close(subs.prePaid.id)
      expect(resumed).toEqual(expect.objectContaining({ created: false, billed_order_id: prePaidOrder.id }))
      expect(await counts()).toEqual(before)
      expect(before.billingOrders).toHaveLength(9)
      expect(before.statements).toHaveLength(10)

      // A run that stopped between issuing a statement and making its order: the next hourly run makes the
      // order (and the statement e-mail goes once all the same).
      const aboveStatement = await statementOf(subs.contractAbove.id)
      await container.resolve(Modules.ORDER).deleteOrders([aboveStatement.draft_order_id!])
      await billing.updateAcronisStatements({ id: aboveStatement.id, status: "issued", draft_order_id: null })
      at("2026-10-01T09:20:00Z")
      const finished = await closeDueAcronisMonths(container, { now: new Date() })
      expect(finished.closed.map((c) => c.subscription_id)).toEqual([subs.contractAbove.id])
      const refinished = await statementOf(subs.contractAbove.id)
      expect({ status: refinished.status, order: !!refinished.draft_order_id, total: refinished.total }).toEqual({ status: "billed", order: true, total: "280.00" })
      expect((await counts()).billingOrders).toHaveLength(9)
      const statementMails = await container
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ trigger_type: "acronis.statement.issued", resource_id: aboveStatement.id })
      expect(statementMails.filter((n) => n.channel === "email")).toHaveLength(1)
    })

    it("bills production usage only and reconciles production with production, trial with trial", async () => {
      // Acronis switched the tenant to production on 16 September: before that its usage was trial usage.
      const sub = await subscribe("ppu", "2026-09-01T00:00:00Z", owner, { pricing_mode: "trial" })
      const always = await subscribe("ppu", "2026-09-01T00:00:00Z")
      const unnoticed = await subscribe("ppu", "2026-09-01T00:00:00Z", owner, { pricing_mode: "trial" })
      for (const tenantId of [sub.tenantId, unnoticed.tenantId]) {
        await setUsage(tenantId, [
          { offering_item: "pg_base_workstations", date: "2026-09-01", value: 7 },
          { offering_item: "pg_base_workstations", date: "2026-09-16", value: 3 },
        ])
      }
      await setUsage(always.tenantId, [{ offering_item: "pg_base_workstations", date: "2026-09-01", value: 7 }])

      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      for (const day of ["01", "10"]) {
        at(`2026-09-${day}T10:00:00Z`)
        await sync([sub.id, always.id, unnoticed.id])
      }
      await switchToProduction(sub.tenantId, "2026-09-16T08:00:00Z")
      await switchToProduction(unnoticed.tenantId, "2026-09-16T08:00:00Z")
      await acronis.updateAcronisSubscriptions({ id: sub.id, pricing_mode: "production" })
      for (const day of ["16", "30"]) {
        at(`2026-09-${day}T10:00:00Z`)
        await sync([sub.id, always.id, unnoticed.id])
      }
      const modes = await billing.listAcronisUsageSnapshots(
        { subscription_id: sub.id, offering_item: "pg_base_workstations" },
        { select: ["day", "pricing_mode"], order: { day: "ASC" } }
      )
      expect(modes.map((s) => [s.day, s.pricing_mode])).toEqual([
        ["2026-09-01", "trial"],
        ["2026-09-10", "trial"],
        ["2026-09-16", "production"],
        ["2026-09-30", "production"],
      ])

      at("2026-10-01T07:20:00Z")
      for (const id of [sub.id, always.id, unnoticed.id]) await close(id)
      // The trial days' 7 workstations are not billed: the production peak is 3. The other tenant pays its 7.
      const workstationLines = (statement: Awaited<ReturnType<typeof statementOf>>) => linesOf(statement).filter(([, item]) => item === "pg_base_workstations")
      const trialFirst = await statementOf(sub.id)
      expect(workstationLines(trialFirst)).toEqual([["usage", "pg_base_workstations", "3", "12.00"]])
      expect(trialFirst.total).toEqual("12.00")
      expect(workstationLines(await statementOf(always.id))).toEqual([["usage", "pg_base_workstations", "7", "28.00"]])
      expect(trialFirst.reconciliation).toEqual(expect.objectContaining({ status: "matched", details: [] }))

      // Acronis switched this tenant too, but we never learnt of it: our snapshots say trial, so nothing is
      // billed, and the reconciliation, comparing production with production, flags it (totals would agree).
      const drifted = await statementOf(unnoticed.id)
      expect(drifted.total).toEqual("0.00")
      expect(drifted.reconciliation).toEqual(
        expect.objectContaining({
          status: "mismatch",
          details: [
            { pricing_mode: "production", offering_item: "pg_base_workstations", infra_id: null, ours: "0", acronis: "3" },
            { pricing_mode: "trial", offering_item: "pg_base_workstations", infra_id: null, ours: "3", acronis: "0" },
          ],
        })
      )
    })

    it("does not keep or bill from a report Acronis has not generated within the close run's patience; the next run gets it", async () => {
      const sub = await subscribe("ppu", "2026-09-01T00:00:00Z")
      await setUsage(sub.tenantId, [{ offering_item: "pg_base_workstations", date: "2026-09-01", value: 2 }])
      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      at("2026-09-30T10:00:00Z")
      await sync([sub.id])

      at("2026-10-01T07:20:00Z")
      // Acronis takes an hour over this report (sandbox time); the run waits 1.5 s of its own.
      await sandbox("/timing", { method: "PUT", body: { report_ready_seconds: 3600 } })
      const slow = await ensureMonthUsageReport(container, "2026-09", { patienceMs: 1500 })
      expect(slow).toEqual({ available: false, error: expect.stringMatching(/not generated the usage report for 2026-09 within 2 s; the next run asks again/) })
      if (slow.available) return
      expect(await billing.listAcronisUsageReports({ period: "2026-09" })).toEqual([])
      const held = await closeAcronisMonthWorkflow(container).run({ input: { subscription_id: sub.id, period: "2026-09", fetch_report: false, report_error: slow.error } as any })
      const statement = await statementOf(sub.id)
      expect({ status: statement.status, code: (statement.hold_reason as any)?.code, order: statement.order_id ?? statement.draft_order_id }).toEqual({
        status: "on_hold",
        code: "report_unavailable",
        order: null,
      })
      expect(held.errors ?? []).toEqual([])

      // The next run finds Acronis quicker (a second): it polls until the report is saved, keeps it, and closes.
      await sandbox("/timing", { method: "PUT", body: { report_ready_seconds: 1 } })
      const ready = await ensureMonthUsageReport(container, "2026-09", { patienceMs: 5000 })
      expect(ready).toEqual({ available: true, report_id: expect.any(String) })
      await close(sub.id)
      const closed = await statementOf(sub.id)
      expect(closed.status).not.toEqual("on_hold")
      expect(linesOf(closed)).toEqual([
        ["usage", "pg_base_storage", "0", "0.00"],
        ["usage", "pg_base_workstations", "2", "8.00"],
      ])
    })

    it("closes a month once when two processes close it at the same time and their locks do not hold", async () => {
      const subs: ({ workstations: number } & Awaited<ReturnType<typeof subscribe>>)[] = []
      for (const workstations of [3, 5, 7, 9]) subs.push({ workstations, ...(await subscribe("ppu", "2026-09-01T00:00:00Z")) })
      for (const sub of subs) {
        await setUsage(sub.tenantId, [{ offering_item: "pg_base_workstations", date: "2026-09-01", value: sub.workstations }])
      }
      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      at("2026-09-30T10:00:00Z")
      await sync()
      // Every month waits on hold for Acronis's report: the racing runs below rewrite statements on hold.
      at("2026-10-01T03:20:00Z")
      const held = await closeDueAcronisMonths(container, { now: new Date() })
      expect({ on_hold: held.on_hold.length, failed: held.failed }).toEqual({ on_hold: subs.length, failed: [] })

      // Two processes whose locks expired (or a Redis that lost them): every lock is granted to both.
      const locking = container.resolve(Modules.LOCKING)
      const granted = jest.spyOn(locking, "acquire").mockResolvedValue(undefined as never)
      const released = jest.spyOn(locking, "release").mockResolvedValue(true as never)
      try {
        at("2026-10-01T07:20:00Z")
        const reportReads = jest.spyOn(billing, "listAcronisUsageReports")
        const orderSearches = jest.spyOn(container.resolve(Modules.ORDER), "listOrders")
        const searchesByStatement = () => orderSearches.mock.calls.filter(([filters]) => (filters as any)?.metadata?.acronis_statement_id).length
        const runs = await Promise.all([closeDueAcronisMonths(container, { now: new Date() }), closeDueAcronisMonths(container, { now: new Date() })])
        expect(runs.flatMap((r) => r.failed)).toEqual([])
        // Each run read the month's report rows once, not once per statement.
        const rowReads = reportReads.mock.calls.filter(([, config]) => !config?.select || (config.select as string[]).includes("rows"))
        reportReads.mockRestore()
        expect(rowReads).toHaveLength(2)
        // No run had tried to bill these statements: none searched every order for one.
        expect(searchesByStatement()).toEqual(0)
        expect(granted).toHaveBeenCalled()
        for (const sub of subs) {
          // Each month was closed by one run or by both (the second finding it closed), never left out.
          expect(runs.some((r) => r.closed.some((c) => c.subscription_id === sub.id))).toBe(true)
        }
        const billedOnce = async () => {
          for (const sub of subs) {
            const statements = await billing.listAcronisStatements({ subscription_id: sub.id }, { relations: ["lines"] })
            expect(statements).toHaveLength(1)
            const [statement] = statements
            const total = (sub.workstations * 4).toFixed(2)
            expect({ status: statement.status, total: statement.total, lines: linesOf(statement), claim: statement.claim_token }).toEqual({
              status: "billed",
              total,
              lines: [["usage", "pg_base_storage", "0", "0.00"], ["usage", "pg_base_workstations", String(sub.workstations), total]],
              claim: null,
            })
            const { data: orders } = await container
              .resolve(ContainerRegistrationKeys.QUERY)
              .graph({ entity: "order", fields: ["id", "total", "metadata"], filters: { id: { $ne: sub.orderId } } })
            const billed = orders.filter((o: any) => o.metadata?.acronis_statement_id === statement.id)
            expect(billed.map((o: any) => [o.id, Number(o.total)])).toEqual([[statement.draft_order_id, Number(total)]])
          }
        }
        await billedOnce()

        // A statement issued whose order was never made: two runs of its close at once make one order.
        const [first] = subs
        const statement = await statementOf(first.id)
        await container.resolve(Modules.ORDER).deleteOrders([statement.draft_order_id!])
        await billing.updateAcronisStatements({ id: statement.id, status: "issued", draft_order_id: null })
        const [a, b] = await Promise.all([close(first.id), close(first.id)])
        expect([a.result.billed_order_id, b.result.billed_order_id].filter(Boolean)).toHaveLength(1)
        // This one was billed before: the run that claimed it looked for the order first.
        expect(searchesByStatement()).toEqual(1)
        orderSearches.mockRestore()
        await billedOnce()
      } finally {
        granted.mockRestore()
        released.mockRestore()
      }
    })

    it("shows customers their own usage and statements, lets the admin dry-run a close, and isolates a failing tenant", async () => {
      const mine = await subscribe("ppu", "2026-10-20T08:00:00Z")
      const stranger = await createStoreCustomer(api, publishableKey, { email: "stranger@customer.test" })
      const theirs = await subscribe("ppu", "2026-10-20T08:00:00Z", stranger)
      const broken = await subscribe("ppu", "2026-10-20T08:00:00Z")
      await acronis.updateAcronisSubscriptions({ id: broken.id, tenant_id: "00000000-0000-4000-8000-00000000dead" })
      await setUsage(mine.tenantId, [
        { offering_item: "pg_base_workstations", date: "2026-10-20", value: 3 },
        { offering_item: "pg_base_storage", date: "2026-10-20", value: 2 * GiB },
        { offering_item: "pg_base_workstations", date: "2026-10-31", value: 4 },
      ])
      await setUsage(theirs.tenantId, [{ offering_item: "pg_base_workstations", date: "2026-10-20", value: 1 }])

      // A tenant whose usage stops syncing after 20 October: its last values must not be billed for the rest.
      const stale = await subscribe("ppu", "2026-10-01T08:00:00Z")
      await setUsage(stale.tenantId, [{ offering_item: "pg_base_workstations", date: "2026-10-01", value: 7 }])

      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      for (const instant of ["2026-10-20T10:00:00Z", "2026-10-31T10:00:00Z"]) {
        at(instant)
        const { result } = await sync()
        expect([...result.failed].sort()).toEqual(instant.startsWith("2026-10-20") ? [broken.id] : [broken.id, stale.id].sort())
        await acronis.updateAcronisSubscriptions({ id: stale.id, tenant_id: "00000000-0000-4000-8000-00000000beef" })
      }
      // The account page's chart: the customer's own subscription's days of the current month, as staff see them.
      const customerDaily = `/store/customers/me/acronis/subscriptions/${mine.id}/usage/daily`
      const { data: ownDaily } = await api.get(customerDaily, owner.storeHeaders)
      const { data: staffDaily } = await api.get(`/admin/acronis/subscriptions/${mine.id}/usage/daily`, admin)
      expect(ownDaily.daily_usage).toEqual(staffDaily.daily_usage)
      expect(ownDaily.daily_usage).toEqual(expect.objectContaining({ period: "2026-10", from: "2026-10-01", to: "2026-10-31" }))
      expect(ownDaily.daily_usage.items.map((i: any) => [i.offering_item, i.points.map((p: any) => [p.day, p.value])])).toEqual([
        ["pg_base_storage", [["2026-10-20", String(2 * GiB)], ["2026-10-31", String(2 * GiB)]]],
        ["pg_base_workstations", [["2026-10-20", "3"], ["2026-10-31", "4"]]],
      ])
      const strangersDaily = await api.get(`/store/customers/me/acronis/subscriptions/${theirs.id}/usage/daily`, owner.storeHeaders).catch((e: any) => e.response)
      expect(strangersDaily.status).toEqual(404)
      const anonymousDaily = await api.get(customerDaily, { headers: { "x-publishable-api-key": publishableKey } }).catch((e: any) => e.response)
      expect(anonymousDaily.status).toEqual(401)
      const accounts = await billing.listAcronisBillingAccounts({ subscription_id: [mine.id, broken.id] })
      const account = (id: string) => accounts.find((a) => a.subscription_id === id)!
      // The clock runs on from where the test sets it, so a sync lands a few milliseconds after.
      expect(new Date(account(mine.id).last_synced_at!).toISOString()).toMatch(/^2026-10-31T10:00:0/)
      expect(account(mine.id).last_sync_error).toBeNull()
      expect(account(broken.id).last_synced_at).toBeNull()
      expect(account(broken.id).last_sync_error).toEqual(expect.objectContaining({ http_status: 404 }))

      at("2026-11-01T07:00:00Z")
      await sandbox("/requests", { method: "DELETE" })
      const before = await counts()
      const { data: dry } = await api.post("/admin/acronis/billing/close", { period: "2026-10", subscription_ids: [mine.id], dry_run: true }, admin)
      expect(dry.results).toEqual([
        {
          subscription_id: mine.id,
          statement: expect.objectContaining({
            period: "2026-10",
            currency_code: "usd",
            window: { from: "2026-10-20", to: "2026-10-31" },
            total: "16.10",
            lines: [
              expect.objectContaining({ offering_item: "pg_base_storage", quantity: "2", amount: "0.10" }),
              expect.objectContaining({ offering_item: "pg_base_workstations", quantity: "4", amount: "16.00" }),
            ],
            // Named for the admin, and synced to the month's last day: it would not wait.
            service_name: "Acronis ppu",
            customer_id: owner.customer.id,
            email: "owner@customer.test",
            hold: null,
          }),
        },
      ])
      // The dry run says which statement the close would keep on hold for its usage, and why.
      const { data: dryStale } = await api.post("/admin/acronis/billing/close", { period: "2026-10", subscription_ids: [stale.id], dry_run: true }, admin)
      expect(dryStale.results).toEqual([
        {
          subscription_id: stale.id,
          statement: expect.objectContaining({
            hold: { code: "usage_not_synced", message: "usage was not read on the last billed day 2026-10-31 (last synced on 2026-10-20)", last_synced_at: expect.stringMatching(/^2026-10-20T/) },
          }),
        },
      ])
      // A dry run writes nothing, here or in Acronis.
      expect(await counts()).toEqual(before)
      expect((await sandbox<{ items: { path: string }[] }>("/requests")).items.filter((r) => r.path.includes("/reports"))).toEqual([])

      // September ended before the service started on 20 October: no statement, no e-mail, whether closed
      // from the admin (dry run or not) or by the workflow; the admin sees why.
      for (const dry_run of [true, false]) {
        const { data: early } = await api.post("/admin/acronis/billing/close", { period: "2026-09", subscription_ids: [mine.id], dry_run }, admin)
        expect(early.results).toEqual([{ subscription_id: mine.id, skipped: "2026-09 ended before its service started on 2026-10-20" }])
      }
      // A workflow rejects with the step's error as a plain object.
      await expect(close(mine.id, "2026-09")).rejects.toEqual(
        expect.objectContaining({ type: "not_allowed", message: `Acronis subscription ${mine.id}: 2026-09 ended before its service started on 2026-10-20` })
      )
      expect(await counts()).toEqual(before)
      expect(await billing.listAcronisStatements({ subscription_id: mine.id })).toEqual([])
      const notifications = container.resolve<INotificationModuleService>(Modules.NOTIFICATION)
      expect(await notifications.listNotifications({ trigger_type: "acronis.statement.issued" })).toEqual([])
      // A period out of range is refused by name on the admin usage route; the customer's route takes none.
      const yearZero = await api.get(`/admin/acronis/subscriptions/${mine.id}/usage?period=0000-01`, admin).catch((e: any) => e.response)
      expect({ status: yearZero.status, message: yearZero.data.message }).toEqual({ status: 400, message: "Invalid request: period: must be a month as YYYY-MM, from 2000-01 to 2099-12" })
      // The chart's data: each item's synced days of October, a day without a sync absent rather than zero.
      const { data: daily } = await api.get(`/admin/acronis/subscriptions/${mine.id}/usage/daily?period=2026-10`, admin)
      expect(daily.daily_usage).toEqual({
        subscription_id: mine.id,
        period: "2026-10",
        from: "2026-10-01",
        to: "2026-10-31",
        items: [
          {
            offering_item: "pg_base_storage",
            edition: "pck_per_gigabyte",
            infra_id: INFRA.acronisBackup,
            measurement_unit: "bytes",
            points: [
              { day: "2026-10-20", value: String(2 * GiB), pricing_mode: "production" },
              { day: "2026-10-31", value: String(2 * GiB), pricing_mode: "production" },
            ],
          },
          {
            offering_item: "pg_base_workstations",
            edition: "pck_per_gigabyte",
            infra_id: null,
            measurement_unit: "quantity",
            points: [
              { day: "2026-10-20", value: "3", pricing_mode: "production" },
              { day: "2026-10-31", value: "4", pricing_mode: "production" },
            ],
          },
        ],
      })
      // Another month holds none of October's days.
      const { data: november } = await api.get(`/admin/acronis/subscriptions/${mine.id}/usage/daily?period=2026-11`, admin)
      expect(november.daily_usage.items).toEqual([])
      const dailyTypo = await api.get(`/admin/acronis/subscriptions/${mine.id}/usage/daily?period=2026-13`, admin).catch((e: any) => e.response)
      expect({ status: dailyTypo.status, message: dailyTypo.data.message }).toEqual({ status: 400, message: "Invalid request: period: must be a month as YYYY-MM, from 2000-01 to 2099-12" })
      const { data: customerYearZero } = await api.get(`/store/customers/me/acronis/subscriptions/${mine.id}/usage?period=0000-01`, owner.storeHeaders)
      expect(customerYearZero.usage.period).toEqual("2026-11")

      // November so far: October's last values carry into the estimate.
      const { data: usage } = await api.get(`/store/customers/me/acronis/subscriptions/${mine.id}/usage`, owner.storeHeaders)
      expect(usage.usage).toEqual(
        expect.objectContaining({
          subscription_id: mine.id,
          period: "2026-11",
          as_of: "2026-11-01",
          last_synced_at: expect.stringMatching(/^2026-10-31T10:00:0/),
          last_sync_error: null,
          estimate: expect.objectContaining({ currency_code: "usd", total: "16.10" }),
        })
      )
      const { data: noneYet } = await api.get(`/store/customers/me/acronis/subscriptions/${mine.id}/statements`, owner.storeHeaders)
      expect(noneYet.statements).toEqual([])

      const { data: closed } = await api.post("/admin/acronis/billing/close", { period: "2026-10", subscription_ids: [mine.id, broken.id] }, admin)
      expect(closed.results).toEqual([
        expect.objectContaining({ subscription_id: mine.id, created: true, billed_order_id: expect.any(String) }),
        // The tenant that never synced is not billed from nothing: its month waits on hold for a person.
        expect.objectContaining({ subscription_id: broken.id, created: true, status: "on_hold", billed_order_id: null }),
      ])
      expect((await statementOf(broken.id)).hold_reason).toEqual(expect.objectContaining({ code: "usage_not_synced", last_synced_at: null }))
      // The one that stopped syncing on 20 October is held too, not billed 7 workstations for the days after.
      const { data: staleClose } = await api.post("/admin/acronis/billing/close", { period: "2026-10", subscription_ids: [stale.id] }, admin)
      expect(staleClose.results).toEqual([expect.objectContaining({ subscription_id: stale.id, status: "on_hold", billed_order_id: null })])
      expect((await statementOf(stale.id)).hold_reason).toEqual(
        expect.objectContaining({ code: "usage_not_synced", message: "usage was not read on the last billed day 2026-10-31 (last synced on 2026-10-20)" })
      )
      // Staff may still issue it with what was synced; the reason stays on the statement, and it is billed once.
      const { data: released } = await api.post("/admin/acronis/billing/close", { period: "2026-10", subscription_ids: [stale.id], release_hold: true }, admin)
      expect(released.results).toEqual([expect.objectContaining({ subscription_id: stale.id, status: "issued", billed_order_id: expect.any(String) })])
      expect(await statementOf(stale.id)).toEqual(
        expect.objectContaining({ status: "billed", total: "28.00", hold_reason: expect.objectContaining({ code: "usage_not_synced", released: true }) })
      )
      const { data: again } = await api.post("/admin/acronis/billing/close", { period: "2026-10", subscription_ids: [stale.id], release_hold: true }, admin)
      expect(again.results).toEqual([expect.objectContaining({ subscription_id: stale.id, created: false, billed_order_id: null })])
      // The month's statements for the billing page, named, with holds and reconciliation; and as a CSV download.
      const { data: month } = await api.get("/admin/acronis/billing/statements?period=2026-10", admin)
      const byService = (list: any[]) => Object.fromEntries(list.map((st) => [st.subscription.id, st]))
      expect(month.count).toEqual(3)
      expect(byService(month.statements)).toEqual({
        [mine.id]: expect.objectContaining({
          status: "billed",
          total: "16.10",
          currency_code: "usd",
          customer: { name: "Test Customer", email: "owner@customer.test" },
          subscription: { id: mine.id, service_name: "Acronis ppu" },
          reconciliation: expect.objectContaining({ status: "matched" }),
          order_id: null,
          draft_order_id: expect.any(String),
        }),
        [broken.id]: expect.objectContaining({ status: "on_hold", hold_reason: expect.objectContaining({ code: "usage_not_synced", message: "usage has never synced from Acronis" }) }),
        [stale.id]: expect.objectContaining({ status: "billed", total: "28.00", hold_reason: expect.objectContaining({ released: true }) }),
      })
      const paged = await api.get("/admin/acronis/billing/statements?period=2026-10&limit=1&offset=2", admin)
      expect({ count: paged.data.count, ids: paged.data.statements.map((st: any) => st.id) }).toEqual({ count: 3, ids: [month.statements[2].id] })
      const csv = await api.get("/admin/acronis/billing/statements?period=2026-10&format=csv", { ...admin, responseType: "text" })
      expect(csv.headers["content-type"]).toMatch(/^text\/csv/)
      expect(csv.headers["content-disposition"]).toEqual('attachment; filename="acronis-statements-2026-10.csv"')
      const rows = (csv.data as string).trimEnd().split("\r\n").map((row) => row.split(","))
      const header = rows[0]
      expect(header.slice(0, 5)).toEqual(["period", "statement_id", "status", "customer", "customer_email"])
      const column = (name: string) => header.indexOf(name)
      const rowsOf = (id: string) => rows.slice(1).filter((row) => row[column("subscription_id")] === id)
      expect(rowsOf(mine.id).map((row) => [row[column("offering_item")], row[column("quantity")], row[column("amount")], row[column("statement_total")], row[column("reconciliation")]])).toEqual([
        ["pg_base_storage", "2", "0.10", "16.10", "matched"],
        ["pg_base_workstations", "4", "16.00", "16.10", "matched"],
      ])
      expect(rowsOf(mine.id)[0][column("customer")]).toEqual("Test Customer")
      expect(rowsOf(broken.id).map((row) => [row[column("status")], row[column("hold_reason")]])).toEqual(
        rowsOf(broken.id).map(() => ["on_hold", "usage has never synced from Acronis"])
      )
      expect(rows.length - 1).toEqual([mine.id, broken.id, stale.id].reduce((n, id) => n + Math.max(1, rowsOf(id).length), 0))
      const badMonth = await api.get("/admin/acronis/billing/statements?period=2026-13&format=pdf", admin).catch((e: any) => e.response)
      expect({ status: badMonth.status, message: badMonth.data.message }).toEqual({ status: 400, message: expect.stringMatching(/period.*format|format.*period/s) })
      const badClose = await api.post("/admin/acronis/billing/close", { period: "2026-13", release_hold: "yes" }, admin).catch((e: any) => e.response)
      expect({ status: badClose.status, message: badClose.data.message }).toEqual({ status: 400, message: expect.stringMatching(/period.*release_hold|release_hold.*period/s) })
      const { data: statements } = await api.get(`/store/customers/me/acronis/subscriptions/${mine.id}/statements`, owner.storeHeaders)
      expect(statements.statements).toEqual([
        expect.objectContaining({
          period: "2026-10",
          total: "16.10",
          status: "billed",
          reconciliation: expect.objectContaining({ status: "matched" }),
          lines: [
            expect.objectContaining({ kind: "usage", offering_item: "pg_base_storage", quantity: "2", unit: "GB", unit_price: "0.05", amount: "0.10" }),
            expect.objectContaining({ kind: "usage", offering_item: "pg_base_workstations", quantity: "4", unit: "units", unit_price: "4", amount: "16.00" }),
          ],
        }),
      ])
      const { data: adminView } = await api.get(`/admin/acronis/subscriptions/${mine.id}/statements`, admin)
      expect(adminView.statements).toEqual(statements.statements)
      const { data: adminUsage } = await api.get(`/admin/acronis/subscriptions/${theirs.id}/usage?period=2026-10`, admin)
      expect(adminUsage.usage.estimate.total).toEqual("4.00")

      // Someone else's subscription is not there for this customer.
      for (const route of ["usage", "statements"]) {
        const answer = await api.get(`/store/customers/me/acronis/subscriptions/${theirs.id}/${route}`, owner.storeHeaders).catch((e: any) => e.response)
        expect(answer.status).toEqual(404)
      }
      const anonymous = await api
        .get(`/store/customers/me/acronis/subscriptions/${mine.id}/usage`, { headers: { "x-publishable-api-key": publishableKey } })
        .catch((e: any) => e.response)
      expect(anonymous.status).toEqual(401)

      // A month in progress cannot be closed; with the "order" mode a statement gets a payment collection.
      const early = await api.post("/admin/acronis/billing/close", { period: "2026-11", subscription_ids: [mine.id] }, admin).catch((e: any) => e.response)
      expect({ status: early.status, message: early.data.message }).toEqual({ status: 400, message: expect.stringMatching(/^period 2026-11 has not ended yet/) })
      expect(await billing.listAcronisStatements({ subscription_id: mine.id, period: "2026-11" })).toEqual([])
      // Two closes at once (a second worker, a retried job): one statement, one order.
      const [first, second] = await Promise.all([close(theirs.id, "2026-10", "order"), close(theirs.id, "2026-10", "order")])
      const result = first.result.billed_order_id ? first.result : second.result
      expect([first.result.billed_order_id, second.result.billed_order_id].filter(Boolean)).toHaveLength(1)
      expect(await billing.listAcronisStatements({ subscription_id: theirs.id })).toHaveLength(1)
      const { data: [order] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "status", "is_draft_order", "total", "payment_collections.amount", "payment_collections.status"],
        filters: { id: result.billed_order_id! },
      })
      expect({ status: order.status, is_draft_order: order.is_draft_order, total: Number(order.total), collections: order.payment_collections!.map((c: any) => [Number(c.amount), c.status]) }).toEqual(
        { status: "pending", is_draft_order: false, total: 4, collections: [[4, "not_paid"]] }
      )
      expect((await statementOf(theirs.id)).order_id).toEqual(order.id)
    })

    it("ends one of two subscriptions on one tenant without disabling or deleting the tenant the other uses", async () => {
      const ending = await subscribe("ppu", "2026-09-01T00:00:00Z")
      const staying = await subscribe("postPaid", "2026-09-01T00:00:00Z")
      await acronis.updateAcronisSubscriptions({ id: staying.id, tenant_id: ending.tenantId })
      const tenant = async () =>
        (await sandbox<{ tenants: { id: string; enabled: boolean; deleted_at: string | null }[] }>("/state")).tenants.find((t) => t.id === ending.tenantId)!

      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      at("2026-10-01T08:00:00Z")
      const { data } = await api.post(`/admin/acronis/subscriptions/${ending.id}/suspend`, {}, admin)
      expect(data.subscription.status).toEqual("suspended")
      expect(await tenant()).toEqual(expect.objectContaining({ enabled: true, deleted_at: null }))
      at("2026-10-31T09:00:00Z")
      const { result } = await endAcronisGracePeriodsWorkflow(container).run({ input: { now: new Date().toISOString() } })
      expect(result).toEqual({ warned: [], terminated: [ending.id], failed: [] })
      expect(await tenant()).toEqual(expect.objectContaining({ enabled: true, deleted_at: null }))
      const warnings = await container
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ trigger_type: "acronis.subscription.deletion_scheduled" })
      expect(warnings).toEqual([])
      const { data: detail } = await api.get(`/admin/acronis/subscriptions/${ending.id}`, admin)
      expect(detail.subscription.provisioning_log.map((l: any) => l.message)).toEqual(
        expect.arrayContaining([expect.stringContaining(`kept enabled for ${staying.id}`), expect.stringContaining(`kept for ${staying.id}`)])
      )
    })

    it("terminates a suspended subscription at staff's request: its tenant deleted now, not at the grace period's end; never an active one", async () => {
      const sub = await subscribe("ppu", "2026-09-01T00:00:00Z")
      const tenant = async () =>
        (await sandbox<{ tenants: { id: string; enabled: boolean; deleted_at: string | null; external_operation_status?: string }[] }>("/state")).tenants.find((t) => t.id === sub.tenantId)!
      const terminate = (body: object = {}) => api.post(`/admin/acronis/subscriptions/${sub.id}/terminate`, body, admin).catch((e: any) => e.response)

      // An active subscription is suspended first (its billing ends there); a bad body is refused first.
      const active = await terminate()
      expect({ status: active.status, message: active.data.message }).toEqual({ status: 400, message: expect.stringMatching(/is active; suspend it first/) })
      const badBody = await terminate({ now: true })
      expect({ status: badBody.status, message: badBody.data.message }).toEqual({ status: 400, message: expect.stringMatching(/Unrecognized fields: 'now'/) })
      expect(await tenant()).toEqual(expect.objectContaining({ enabled: true, deleted_at: null }))
      expect((await acronis.retrieveAcronisSubscription(sub.id)).status).toEqual("active")

      await api.post(`/admin/acronis/subscriptions/${sub.id}/suspend`, {}, admin)
      const { status, data } = await terminate()
      expect(status).toEqual(200)
      expect(data.subscription).toEqual(expect.objectContaining({ status: "terminated", terminated_at: expect.any(String) }))
      const deleted = await tenant()
      expect({ enabled: deleted.enabled, deleting: deleted.deleted_at !== null || deleted.external_operation_status === "deleting" }).toEqual({ enabled: false, deleting: true })
      const { data: detail } = await api.get(`/admin/acronis/subscriptions/${sub.id}`, admin)
      expect(detail.subscription.provisioning_log.map((l: any) => l.message)).toEqual(
        expect.arrayContaining([`terminated by staff: tenant ${sub.tenantId} deleted in Acronis`])
      )
      const again = await terminate()
      expect({ status: again.status, message: again.data.message }).toEqual({ status: 400, message: expect.stringMatching(/is terminated; it cannot become terminated/) })
    })

    it("bills a suspended subscription up to the day before, never after; resumes it; deletes its tenant after a warned grace period", async () => {
      const stopped = await subscribe("ppu", "2026-09-01T00:00:00Z")
      const contract = await subscribe("contract", "2026-09-01T00:00:00Z")
      const resumed = await subscribe("ppu", "2026-09-01T00:00:00Z")
      const workstations = (date: string, value: number) => ({ offering_item: "pg_base_workstations", date, value })
      await setUsage(stopped.tenantId, [workstations("2026-10-01", 3), workstations("2026-10-20", 9)])
      await setUsage(contract.tenantId, [workstations("2026-09-01", 10)])
      await setUsage(resumed.tenantId, [workstations("2026-10-01", 2), workstations("2026-10-12", 8), workstations("2026-10-19", 4), workstations("2026-10-25", 5)])
      const tenants = async () => (await sandbox<{ tenants: { id: string; enabled: boolean; deleted_at: string | null }[] }>("/state")).tenants
      const tenant = async (id: string) => (await tenants()).find((t) => t.id === id)!
      const graceRun = async (instant: string) => {
        at(instant)
        return (await endAcronisGracePeriodsWorkflow(container).run({ input: { now: new Date().toISOString() } })).result
      }
      const syncOn = async (...days: string[]) => {
        for (const day of days) {
          at(`${day}T10:00:00Z`)
          await sync()
        }
      }

      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      await syncOn("2026-09-01", "2026-09-30")
      // The contract is cancelled on 1 October: nothing of October is billed, let alone November.
      at("2026-10-01T08:00:00Z")
      const { data: suspendedContract } = await api.post(`/admin/acronis/subscriptions/${contract.id}/suspend`, { reason: "order cancelled" }, admin)
      expect(suspendedContract.subscription).toEqual(
        expect.objectContaining({ status: "suspended", service_spans: [{ from: "2026-09-01", to: "2026-09-30" }], terminate_after: expect.stringMatching(/^2026-10-31T08:00:0/) })
      )
      expect(await tenant(contract.tenantId)).toEqual(expect.objectContaining({ enabled: false }))
      await syncOn("2026-10-01", "2026-10-10", "2026-10-11")
      at("2026-10-11T12:00:00Z")
      await api.post(`/admin/acronis/subscriptions/${stopped.id}/suspend`, {}, admin)
      await api.post(`/admin/acronis/subscriptions/${resumed.id}/suspend`, {}, admin)
      // Suspending twice is refused with the reason; a bad body is refused before anything happens.
      const twice = await api.post(`/admin/acronis/subscriptions/${stopped.id}/suspend`, {}, admin).catch((e: any) => e.response)
      expect({ status: twice.status, message: twice.data.message }).toEqual({ status: 400, message: expect.stringMatching(/is suspended; it cannot become suspended/) })
      const badReason = await api.post(`/admin/acronis/subscriptions/${resumed.id}/suspend`, { reason: 42 }, admin).catch((e: any) => e.response)
      expect({ status: badReason.status, message: badReason.data.message }).toEqual({ status: 400, message: expect.stringMatching(/reason/) })
      // Suspended tenants are still synced (Acronis keeps what they store): 8 workstations on 15 October.
      await syncOn("2026-10-15")

      at("2026-10-20T09:00:00Z")
      const badResume = await api.post(`/admin/acronis/subscriptions/${resumed.id}/resume`, { from: "2026-10-01" }, admin).catch((e: any) => e.response)
      expect({ status: badResume.status, message: badResume.data.message }).toEqual({ status: 400, message: expect.stringMatching(/from/) })
      expect((await acronis.retrieveAcronisSubscription(resumed.id)).status).toEqual("suspended")
      expect(await tenant(resumed.tenantId)).toEqual(expect.objectContaining({ enabled: false }))
      const { data: back } = await api.post(`/admin/acronis/subscriptions/${resumed.id}/resume`, {}, admin)
      expect(back.subscription).toEqual(
        expect.objectContaining({
          status: "active",
          terminate_after: null,
          service_spans: [{ from: "2026-09-01", to: "2026-10-10" }, { from: "2026-10-20", to: null }],
        })
      )
      expect(await tenant(resumed.tenantId)).toEqual(expect.objectContaining({ enabled: true }))
      await syncOn("2026-10-20", "2026-10-25")

      // The grace period: a data-loss warning 7 days before the deletion, then the tenant is deleted.
      expect(await graceRun("2026-10-23T12:00:00Z")).toEqual({ warned: [], terminated: [], failed: [] })
      expect(await graceRun("2026-10-24T12:00:00Z")).toEqual({ warned: [contract.id], terminated: [], failed: [] })
      await syncOn("2026-10-31")
      expect(await graceRun("2026-10-31T13:00:00Z")).toEqual({ warned: [], terminated: [contract.id], failed: [] })
      // No run while the stopped one's warning was due (the server was down): it is warned late, after the
      // date, and still gets its full seven days before anything is deleted.
      expect(await graceRun("2026-11-12T12:00:00Z")).toEqual({ warned: [stopped.id], terminated: [], failed: [] })
      expect((await tenant(stopped.tenantId)).deleted_at).toBeNull()
      expect(await graceRun("2026-11-19T11:00:00Z")).toEqual({ warned: [], terminated: [], failed: [] })
      // Acronis applies the DELETE but its answer is lost: the client's retry meets 1011 (deletion in
      // progress), which is as good as done.
      await sandbox("/faults", { method: "POST", body: { method: "DELETE", path: `/api/2/tenants/${stopped.tenantId}`, kind: "drop", after: true } })
      expect(await graceRun("2026-11-19T12:05:00Z")).toEqual({ warned: [], terminated: [stopped.id], failed: [] })
      // Deletion is asynchronous in Acronis: the tenant is "deleting" at first, and gone a little later.
      expect(await tenant(stopped.tenantId)).toEqual(expect.objectContaining({ enabled: false, external_operation_status: "deleting", deleted_at: null }))
      at("2026-11-19T12:10:00Z")
      expect((await tenant(contract.tenantId)).deleted_at).not.toBeNull()
      expect((await tenant(stopped.tenantId)).deleted_at).not.toBeNull()
      const warnings = await container
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ trigger_type: "acronis.subscription.deletion_scheduled" })
      expect(warnings.filter((n) => n.channel === "email").map((n) => n.resource_id).sort()).toEqual([contract.id, stopped.id].sort())
      const late = await api.post(`/admin/acronis/subscriptions/${stopped.id}/resume`, {}, admin).catch((e: any) => e.response)
      expect({ status: late.status, message: late.data.message }).toEqual({ status: 400, message: expect.stringMatching(/is terminated/) })
      await syncOn("2026-11-15", "2026-11-30")

      // December's run catches up on September, October and November at once, and bills each month once.
      at("2026-12-01T07:20:00Z")
      const caughtUp = await closeDueAcronisMonths(container, { now: new Date() })
      expect({ closed: caughtUp.closed.length, on_hold: caughtUp.on_hold, failed: caughtUp.failed }).toEqual({ closed: 7, on_hold: [], failed: [] })
      const statements = async (id: string) =>
        (await billing.listAcronisStatements({ subscription_id: id }, { relations: ["lines"], order: { period: "ASC" } })).map((st) => ({
          period: st.period,
          total: st.total,
          lines: linesOf(st).filter((l) => l[1] === "pg_base_workstations" || l[1] === null),
        }))
      // October, with no day of service, gets an empty statement (where a pre-paid fee would come back); it
      // is not e-mailed.
      expect(await statements(contract.id)).toEqual([
        { period: "2026-09", total: "250.00", lines: [["usage", "pg_base_workstations", "10", "40.00"], ["commitment_shortfall", null, "1", "210.00"]] },
        { period: "2026-10", total: "0.00", lines: [] },
      ])
      const [octoberOfContract] = await billing.listAcronisStatements({ subscription_id: contract.id, period: "2026-10" })
      const octoberMails = await container
        .resolve<INotificationModuleService>(Modules.NOTIFICATION)
        .listNotifications({ trigger_type: "acronis.statement.issued", resource_id: octoberOfContract.id })
      expect(octoberMails).toEqual([])
      // Suspended on 11 October: billed for 1 to 10 October (3 workstations), not for the 9 of 20 October.
      expect(await statements(stopped.id)).toEqual([
        { period: "2026-09", total: "0.00", lines: [["usage", "pg_base_workstations", "0", "0.00"]] },
        { period: "2026-10", total: "12.00", lines: [["usage", "pg_base_workstations", "3", "12.00"]] },
      ])
      // Suspended 11 to 19 October: the 8 synced on the 15th is not billed; 5 from the 25th is the peak.
      expect(await statements(resumed.id)).toEqual([
        { period: "2026-09", total: "0.00", lines: [["usage", "pg_base_workstations", "0", "0.00"]] },
        { period: "2026-10", total: "20.00", lines: [["usage", "pg_base_workstations", "5", "20.00"]] },
        { period: "2026-11", total: "20.00", lines: [["usage", "pg_base_workstations", "5", "20.00"]] },
      ])
      // January's run bills only the subscription still running.
      await syncOn("2026-12-31")
      at("2027-01-01T07:20:00Z")
      const january = await closeDueAcronisMonths(container, { now: new Date() })
      expect(january.closed.map((c) => [c.subscription_id, c.period])).toEqual([[resumed.id, "2026-12"]])
      const ended = await acronis.listAcronisSubscriptions({ id: [contract.id, stopped.id, resumed.id] }, { select: ["id", "status"] })
      expect(Object.fromEntries(ended.map((e) => [e.id, e.status]))).toEqual({ [contract.id]: "terminated", [stopped.id]: "terminated", [resumed.id]: "active" })
    })

    // ---------------------------------------------------------------- changes on a live subscription
    const writesToAcronis = async () =>
      (await sandbox<{ items: { method: string; path: string }[] }>("/requests")).items.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)
    const tenantInSandbox = async (id: string) => (await sandbox<{ tenants: any[] }>("/state")).tenants.find((t) => t.id === id)
    const quotaInSandbox = async (tenantId: string, item: string) =>
      (await tenantInSandbox(tenantId)).offering_items.find((i: any) => i.name === item)?.quota
    const syncDays = async (...days: string[]) => {
      for (const day of days) {
        at(`${day}T10:00:00Z`)
        await sync()
      }
    }
    const statementIn = async (subscriptionId: string, period: string) => {
      const [statement] = await billing.listAcronisStatements({ subscription_id: subscriptionId, period }, { relations: ["lines"] })
      return statement
    }
    const descriptionsOf = (statement: Awaited<ReturnType<typeof statementOf>>) =>
      [...statement.lines].sort((a, b) => a.position - b.position).map((l) => l.description)
    const answerOf = (call: Promise<{ status: number; data: any }>) => call.catch((e: any) => e.response)
    async function offerFor(title: string, offer: Record<string, unknown>): Promise<string> {
      const product = await createDigitalProduct(api, admin, { title, prices: { usd: 0 } })
      const { data } = await api.post(`/admin/products/${product.id}/acronis-offer`, offer, admin)
      return data.acronis_offer.id
    }
    /** A plan's quota on the tenant, as provisioning sets it from the offer. */
    async function setQuota(tenantId: string, name: string, value: number, overage: number) {
      const client = acronis.getAcronisClient()
      const [item] = (await client.offeringItems.list(tenantId)).filter((i) => i.name === name && i.status === 1)
      await client.offeringItems.update(tenantId, [{ application_id: item.application_id, name, status: 1, quota: { value, overage, version: item.quota!.version } }])
    }
    const planOffer = (billing_intervals: string[]) => ({
      type: "plan",
      plan: { deployment: "cloud", payment: "pre_paid", billing_intervals, data_centers: ["eu2"], seat_prices: { usd: 3.5 }, included_seats: 10 },
      offering_items: [{ name: "pw_base_workstations", edition: "pck_per_workload", quota: { value: 10, overage: 5 } }],
    })

    it("switches a pay-per-use licensing model at once: cost preview, one edition per service in Acronis, September billed on each model for its days", async () => {
      const offerId = await offerFor("Acronis PPU, two models", {
        type: "ppu",
        protection_models: ["per_gigabyte", "per_workload"],
        file_sync_share_models: ["per_user"],
        unit_prices: { pg_base_storage: { usd: 0.05 }, pg_base_workstations: { usd: 4 }, pw_base_storage: { usd: 0.04 }, pw_base_workstations: { usd: 5 } },
      })
      const sub = await subscribe("ppu", "2026-09-01T00:00:00Z", owner, {
        offer_id: offerId,
        protection_licensing_model: "per_gigabyte",
        file_sync_share_licensing_model: "per_user",
        editions: ["pck_per_gigabyte", "fss_per_user"],
      })
      await setUsage(sub.tenantId, [
        { offering_item: "pg_base_storage", date: "2026-09-01", value: 100 * GiB, infra_id: INFRA.acronisBackup },
        { offering_item: "pg_base_workstations", date: "2026-09-01", value: 3 },
      ])
      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      await syncDays("2026-09-01", "2026-09-10", "2026-09-15")
      at("2026-09-16T09:00:00Z")
      const changes = `/admin/acronis/subscriptions/${sub.id}/changes`
      const toWorkload = { type: "licensing_model", protection_licensing_model: "per_workload" }

      // Bad bodies: a 400 naming the field, for the preview and the change alike; nothing written, Acronis not asked.
      await sandbox("/requests", { method: "DELETE" })
      const bad: [Record<string, unknown>, RegExp][] = [
        [{ type: "licensing_model", protection_licensing_model: "per_terabyte" }, /protection_licensing_model.*per_terabyte/],
        [{ type: "licensing_model" }, /protection_licensing_model or file_sync_share_licensing_model/],
        [{ type: "edition" }, /Expected: 'licensing_model, contract_tier, seats, billing_interval' for field 'type'/],
        [{ ...toWorkload, edition: "pck_per_workload" }, /Unrecognized fields: 'edition'/],
      ]
      for (const [body, message] of bad) {
        for (const path of [changes, `${changes}/preview`]) {
          const answer = await answerOf(api.post(path, body, admin))
          expect({ path, body, status: answer.status, message: answer.data.message }).toEqual({ path, body, status: 400, message: expect.stringMatching(message) })
        }
      }
      // Well-formed, but not what this subscription's offer sells: a 400 with the reason, still nothing asked of Acronis.
      const notSold = await answerOf(api.post(changes, { type: "licensing_model", file_sync_share_licensing_model: "per_workload" }, admin))
      expect({ status: notSold.status, message: notSold.data.message }).toEqual({ status: 400, message: "file_sync_share_licensing_model: this offer sells per_user, not per_workload." })
      const seats = await answerOf(api.post(changes, { type: "seats", seats: 12 }, admin))
      expect({ status: seats.status, message: seats.data.message }).toEqual({ status: 400, message: expect.stringMatching(/is a ppu subscription: only seat plans have seats/) })
      expect((await sandbox<{ items: unknown[] }>("/requests")).items).toEqual([])
      expect(await acronis.retrieveAcronisSubscription(sub.id)).toEqual(
        expect.objectContaining({ terms_history: null, protection_licensing_model: "per_gigabyte", editions: ["pck_per_gigabyte", "fss_per_user"] })
      )

      // The preview: September with the switch and without, at the usage synced so far; it changes nothing.
      const { data: { preview } } = await api.post(`${changes}/preview`, toWorkload, admin)
      expect(preview).toEqual(
        expect.objectContaining({
          outcome: "changed",
          change: expect.objectContaining({ type: "licensing_model", timing: "immediate", effective_on: "2026-09-16", description: "licensing model per_gigabyte + per_user → per_workload + per_user, at once (2026-09-16)" }),
          currency_code: "usd",
          difference: "0.00",
        })
      )
      expect(preview.months.map((m: any) => [m.period, m.without.total, m.with.total, m.difference])).toEqual([["2026-09", "17.00", "17.00", "0.00"]])
      // Per gigabyte is billed to the 15th; the per-workload items have no usage yet.
      expect(preview.months[0].with.lines.map((l: any) => [l.offering_item, l.amount, l.description])).toEqual([
        ["pg_base_storage", "5.00", "pg_base_storage — peak storage (2026-09-01 to 2026-09-15, Protection per gigabyte, File Sync & Share per user)"],
        ["pg_base_workstations", "12.00", "pg_base_workstations — peak count (2026-09-01 to 2026-09-15, Protection per gigabyte, File Sync & Share per user)"],
      ])
      expect(await writesToAcronis()).toEqual([])
      expect((await acronis.retrieveAcronisSubscription(sub.id)).terms_history).toBeNull()

      // Confirmed: the tenant switches edition in Acronis (per workload on, per gigabyte off, in one PUT).
      const { data: switched } = await api.post(changes, toWorkload, admin)
      expect(switched).toEqual(
        expect.objectContaining({
          outcome: "changed",
          change: expect.objectContaining({ timing: "immediate", effective_on: "2026-09-16", applied_at: expect.stringMatching(/^2026-09-16T09:00/) }),
          scheduled: [],
          terms: expect.objectContaining({ protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_user", editions: ["pck_per_workload", "fss_per_user"] }),
          subscription: expect.objectContaining({ protection_licensing_model: "per_workload", editions: ["pck_per_workload", "fss_per_user"], next_change_on: null }),
        })
      )
      expect((await writesToAcronis()).filter((w) => w === `PUT /api/2/tenants/${sub.tenantId}/offering_items`)).toHaveLength(1)
      const items = (await tenantInSandbox(sub.tenantId)).offering_items as { name: string; edition: string | null }[]
      expect([...new Set(items.map((i) => i.edition ?? "none"))].sort()).toEqual(["fss_per_user", "none", "pck_per_workload"])
      expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(["pw_base_storage", "pw_base_workstations", "pu_base_fc_seats"]))
      expect(items.filter((i) => i.name.startsWith("pg_"))).toEqual([])

      // A double click: the terms already are what is asked, so nothing is done again, here or in Acronis.
      await sandbox("/requests", { method: "DELETE" })
      const { data: again } = await api.post(changes, toWorkload, admin)
      expect(again).toEqual(expect.objectContaining({ outcome: "unchanged", change: expect.objectContaining({ id: switched.change.id }) }))
      expect(await writesToAcronis()).toEqual([])
      expect(((await acronis.retrieveAcronisSubscription(sub.id)).terms_history as any).changes).toHaveLength(1)

      // The rest of September runs per workload; the per-gigabyte values Acronis still reports are not billed after the 15th.
      await setUsage(sub.tenantId, [
        { offering_item: "pw_base_storage", date: "2026-09-16", value: 80 * GiB },
        { offering_item: "pw_base_workstations", date: "2026-09-20", value: 2 },
        { offering_item: "pg_base_workstations", date: "2026-09-25", value: 9 },
      ])
      await syncDays("2026-09-16", "2026-09-20", "2026-09-25", "2026-09-30")
      at("2026-10-01T07:20:00Z")
      await close(sub.id)
      const september = await statementIn(sub.id, "2026-09")
      // 100 GB × 0.05 and 3 × 4 to the 15th; 80 GB × 0.04 and 2 × 5 from the 16th.
      expect({ status: september.status, total: september.total, lines: linesOf(september) }).toEqual({
        status: "billed",
        total: "30.20",
        lines: [
          ["usage", "pg_base_storage", "100", "5.00"],
          ["usage", "pg_base_workstations", "3", "12.00"],
          ["usage", "pw_base_storage", "80", "3.20"],
          ["usage", "pw_base_workstations", "2", "10.00"],
        ],
      })
      expect(descriptionsOf(september).slice(2)).toEqual([
        "pw_base_storage — peak storage (2026-09-16 to 2026-09-30, Protection per workload, File Sync & Share per user)",
        "pw_base_workstations — peak count (2026-09-16 to 2026-09-30, Protection per workload, File Sync & Share per user)",
      ])
    })

    it("changes a pre-paid plan's seats: more at once (extra fee prorated, quota raised), fewer from next month (quota lowered by the job); only for the customer who owns it", async () => {
      const sub = await subscribe("prePaid", "2026-08-01T00:00:00Z")
      const stranger = await createStoreCustomer(api, publishableKey, { email: "stranger@customer.test" })
      await setQuota(sub.tenantId, "pw_base_workstations", 10, 5)
      await setUsage(sub.tenantId, [{ offering_item: "pw_base_workstations", date: "2026-08-01", value: 12 }])
      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      await syncDays("2026-08-01", "2026-08-31")
      at("2026-09-01T07:20:00Z")
      await close(sub.id, "2026-08")
      // August: its own fee, 2 over the quota × 5, September's fee in advance.
      expect(linesOf(await statementIn(sub.id, "2026-08"))).toEqual([["seat", null, "1", "35.00"], ["overage", "pw_base_workstations", "2", "10.00"], ["seat", null, "1", "35.00"]])
      await syncDays("2026-09-01", "2026-09-10", "2026-09-15")

      at("2026-09-16T09:00:00Z")
      const changes = `/admin/acronis/subscriptions/${sub.id}/changes`
      const mine = `/store/customers/me/acronis/subscriptions/${sub.id}/changes`
      await sandbox("/requests", { method: "DELETE" })
      for (const body of [{ type: "seats", seats: 0 }, { type: "seats", seats: "fifteen" }, { type: "seats" }, { type: "seats", seats: 1.5 }]) {
        const answer = await answerOf(api.post(changes, body, admin))
        expect({ body, status: answer.status, message: answer.data.message }).toEqual({ body, status: 400, message: expect.stringMatching(/'seats'/) })
      }
      const interval = await answerOf(api.post(changes, { type: "billing_interval", interval: "year" }, admin))
      expect({ status: interval.status, message: interval.data.message }).toEqual({ status: 400, message: "interval: this plan is sold by the month only, not by the year." })
      expect((await sandbox<{ items: unknown[] }>("/requests")).items).toEqual([])

      // 15 seats from the 16th: 10 seats' fee for the 16th to the 30th comes back, 15 seats' is charged, October on 15.
      const { data: { preview: up } } = await api.post(`${changes}/preview`, { type: "seats", seats: 15 }, admin)
      expect(up.months.map((m: any) => [m.period, m.without.total, m.with.total, m.difference])).toEqual([["2026-09", "45.00", "66.25", "21.25"]])
      expect(up.months[0].with.lines.map((l: any) => [l.kind, l.quantity, l.amount, l.description])).toEqual([
        ["overage", "1", "5.00", "pw_base_workstations — above the plan's 10, 15 of 30 days (2026-09-01 to 2026-09-15, 10 seats, monthly)"],
        ["proration", "0.5", "26.25", "Plan fee for 2026-09, 15 of 30 days from 2026-09-16 (2026-09-16 to 2026-09-30, 15 seats, monthly)"],
        ["seat", "1", "52.50", "Plan fee for 2026-10, in advance"],
        ["proration", "-0.5", "-17.50", "Plan fee for 2026-09: 15 days from 2026-09-16, after the terms changed, returned (2026-09-01 to 2026-09-15, 10 seats, monthly)"],
      ])
      expect(await writesToAcronis()).toEqual([])

      // A double click sends two requests at once: the lock lets one change the seats, the other finds them changed.
      const [first, second] = await Promise.all([api.post(changes, { type: "seats", seats: 15 }, admin), api.post(changes, { type: "seats", seats: 15 }, admin)])
      expect([first.data.outcome, second.data.outcome].sort()).toEqual(["changed", "unchanged"])
      const raised = first.data.outcome === "changed" ? first.data : second.data
      expect(raised.change).toEqual(expect.objectContaining({ type: "seats", timing: "immediate", effective_on: "2026-09-16", set: { seats: 15 }, previous: { seats: 10 } }))
      expect(await quotaInSandbox(sub.tenantId, "pw_base_workstations")).toEqual(expect.objectContaining({ value: 15, overage: 5 }))
      expect((await writesToAcronis()).filter((w) => w.startsWith("PUT"))).toEqual([`PUT /api/2/tenants/${sub.tenantId}/offering_items`])

      // Someone else's subscription is not there for them; the signed-out get a 401.
      for (const path of [mine, `${mine}/preview`]) {
        const theirs = await answerOf(api.post(path, { type: "seats", seats: 12 }, stranger.storeHeaders))
        expect({ path, status: theirs.status }).toEqual({ path, status: 404 })
        const anonymous = await answerOf(api.post(path, { type: "seats", seats: 12 }, { headers: { "x-publishable-api-key": publishableKey } }))
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 })
      }

      // The customer lowers its seats to 12: from 1 October, so September's advance is on 12 seats, and October too.
      at("2026-09-20T09:00:00Z")
      const { data: { preview: down } } = await api.post(`${mine}/preview`, { type: "seats", seats: 12 }, owner.storeHeaders)
      expect(down.change).toEqual(expect.objectContaining({ timing: "scheduled", effective_on: "2026-10-01", requested_by: "customer" }))
      expect(down.months.map((m: any) => [m.period, m.without.total, m.with.total, m.difference])).toEqual([
        ["2026-09", "66.25", "55.75", "-10.50"],
        ["2026-10", "52.50", "42.00", "-10.50"],
      ])
      expect(down.difference).toEqual("-21.00")
      const { data: lowered } = await api.post(mine, { type: "seats", seats: 12 }, owner.storeHeaders)
      expect(lowered).toEqual(
        expect.objectContaining({
          outcome: "changed",
          terms: expect.objectContaining({ seats: 15 }),
          scheduled: [expect.objectContaining({ type: "seats", effective_on: "2026-10-01", set: { seats: 12 }, applied_at: null, description: "seats 15 → 12, from 2026-10-01" })],
        })
      )
      expect((await answerOf(api.post(mine, { type: "seats", seats: 12 }, owner.storeHeaders))).data.outcome).toEqual("unchanged")
      expect((await acronis.retrieveAcronisSubscription(sub.id)).next_change_on).toEqual("2026-10-01")
      // Not lowered in Acronis before its day.
      expect(await quotaInSandbox(sub.tenantId, "pw_base_workstations")).toEqual(expect.objectContaining({ value: 15 }))
      await syncDays("2026-09-20", "2026-09-30")

      // On 1 October the job lowers the quota, once.
      at("2026-10-01T06:50:00Z")
      expect(await applyDueAcronisTermChanges(container, { now: new Date() })).toEqual({ applied: [{ subscription_id: sub.id, changes: [lowered.scheduled[0].id] }], failed: [] })
      expect(await quotaInSandbox(sub.tenantId, "pw_base_workstations")).toEqual(expect.objectContaining({ value: 12, overage: 5 }))
      expect(await applyDueAcronisTermChanges(container, { now: new Date() })).toEqual({ applied: [], failed: [] })
      const { data: after } = await api.get(mine, owner.storeHeaders)
      expect({ seats: after.terms.seats, scheduled: after.scheduled, changes: after.changes.map((c: any) => [c.type, c.timing, c.effective_on, c.applied_at !== null]) }).toEqual({
        seats: 12,
        scheduled: [],
        changes: [["seats", "immediate", "2026-09-16", true], ["seats", "scheduled", "2026-10-01", true]],
      })

      // September, split at the 16th: overage on 10 seats for half the month, the extra 5 seats for the rest, October on 12.
      at("2026-10-01T07:20:00Z")
      await close(sub.id, "2026-09")
      const september = await statementIn(sub.id, "2026-09")
      expect({ total: september.total, lines: linesOf(september) }).toEqual({
        total: "55.75",
        lines: [
          ["overage", "pw_base_workstations", "1", "5.00"],
          ["proration", null, "0.5", "26.25"],
          ["seat", null, "1", "42.00"],
          ["proration", null, "-0.5", "-17.50"],
        ],
      })
      expect(descriptionsOf(september)[2]).toEqual("Plan fee for 2026-10, in advance (12 seats, monthly)")
    })

    it("moves a contract up a tier at once and down from the next month, and a plan to yearly billing from the next month", async () => {
      const tier3 = await offerFor("Acronis CSP tier 3", { type: "contract", contract_tier: 3, commitments: { usd: 1000 }, unit_prices: { pg_base_workstations: { usd: 3.5 } } })
      const tier0 = await offerFor("Acronis CSP tier 0", { type: "contract", contract_tier: 0, commitments: { usd: 100 }, unit_prices: { pg_base_workstations: { usd: 4.5 } } })
      const partner = await acronis.getAcronisClient().tenants.create({ name: "Contract reseller", kind: "partner", parent_id: await acronis.getRootTenantId() })
      // The contract is the reseller's: any customer acting for it may change it, nobody else.
      const colleague = await createStoreCustomer(api, publishableKey, { email: "colleague@reseller.test" })
      const stranger = await createStoreCustomer(api, publishableKey, { email: "stranger@customer.test" })
      const { data: { reseller } } = await api.post("/admin/acronis/resellers", { customer_id: colleague.customer.id, name: "Contract Reseller Ltd" }, admin)
      const contract = await subscribe("contract", "2026-09-01T00:00:00Z", owner, {
        tenant_id: partner.id,
        tenant_kind: "partner",
        reseller_id: reseller.id,
        commitment: { tier: 1, minimum: { currency_code: "usd", amount: 250 } },
      })
      const yearlyOffer = await offerFor("Acronis plan, monthly or yearly", planOffer(["month", "year"]))
      const plan = await subscribe("prePaid", "2026-09-01T00:00:00Z", owner, { offer_id: yearlyOffer, billing_cycle: "month" })
      await setUsage(partner.id, [{ offering_item: "pg_base_workstations", date: "2026-09-01", value: 10 }])
      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      await syncDays("2026-09-01", "2026-09-10", "2026-09-15")
      const contractChanges = `/admin/acronis/subscriptions/${contract.id}/changes`
      // Acronis's level for the storefront's tier: Tier 3 is level 2 (Acronis's Tier 3), Tier 0 is -1 (no commitment).
      const tierOf = async () => (await tenantInSandbox(partner.id)).settings.tier_level_value

      at("2026-09-16T09:00:00Z")
      await sandbox("/requests", { method: "DELETE" })
      const ppuOffer = await answerOf(api.post(contractChanges, { type: "contract_tier", offer_id: products.ppu.offerId }, admin))
      expect({ status: ppuOffer.status, message: ppuOffer.data.message }).toEqual({ status: 400, message: `offer_id: ${products.ppu.offerId} is a ppu offer, not a contract.` })
      const missing = await answerOf(api.post(contractChanges, { type: "contract_tier", offer_id: "acoffer_missing" }, admin))
      expect({ status: missing.status, message: missing.data.message }).toEqual({ status: 400, message: "offer_id: there is no Acronis offer acoffer_missing." })
      const blank = await answerOf(api.post(contractChanges, { type: "contract_tier" }, admin))
      expect({ status: blank.status, message: blank.data.message }).toEqual({ status: 400, message: expect.stringMatching(/'offer_id' is required/) })
      // Another contract offer must price what this one prices, in the same currency, or usage would be billed
      // at nothing; a customer may only move to one that is on sale.
      const unpriced = await offerFor("Acronis CSP tier 5, negotiated", { type: "contract", contract_tier: 5, commitments: { usd: 100 } })
      const noPrices = await answerOf(api.post(contractChanges, { type: "contract_tier", offer_id: unpriced }, admin))
      expect({ status: noPrices.status, message: noPrices.data.message }).toEqual({ status: 400, message: `offer_id: ${unpriced} has no USD price for pg_base_workstations.` })
      const draftProduct = await createDigitalProduct(api, admin, { title: "Acronis CSP tier 6, not for sale", prices: { usd: 0 } })
      await api.post(`/admin/products/${draftProduct.id}`, { status: "draft" }, admin)
      const { data: { acronis_offer: hidden } } = await api.post(
        `/admin/products/${draftProduct.id}/acronis-offer`,
        { type: "contract", contract_tier: 6, commitments: { usd: 2000 }, unit_prices: { pg_base_workstations: { usd: 3 } } },
        admin
      )
      const notOnSale = await answerOf(api.post(`/store/customers/me/acronis/subscriptions/${contract.id}/changes`, { type: "contract_tier", offer_id: hidden.id }, colleague.storeHeaders))
      expect({ status: notOnSale.status, message: notOnSale.data.message }).toEqual({ status: 400, message: `offer_id: ${hidden.id} is not on sale; ask us to move the contract to it.` })
      expect((await sandbox<{ items: unknown[] }>("/requests")).items).toEqual([])

      // Up to tier 3 from today: the higher minimum for the 16th to the 30th, usage at each tier's price for its days.
      const { data: { preview: upgrade } } = await api.post(`${contractChanges}/preview`, { type: "contract_tier", offer_id: tier3 }, admin)
      expect(upgrade.months.map((m: any) => [m.period, m.without.total, m.with.total, m.difference])).toEqual([["2026-09", "250.00", "625.00", "375.00"]])
      const storePreview = `/store/customers/me/acronis/subscriptions/${contract.id}/changes/preview`
      const { data: { preview: resellers } } = await api.post(storePreview, { type: "contract_tier", offer_id: tier3 }, colleague.storeHeaders)
      expect(resellers.months).toEqual(upgrade.months)
      expect((await answerOf(api.post(storePreview, { type: "contract_tier", offer_id: tier3 }, stranger.storeHeaders))).status).toEqual(404)
      const { data: upgraded } = await api.post(contractChanges, { type: "contract_tier", offer_id: tier3 }, admin)
      expect(upgraded).toEqual(
        expect.objectContaining({
          outcome: "changed",
          change: expect.objectContaining({ timing: "immediate", effective_on: "2026-09-16", description: "contract tier tier 1 → tier 3, at once (2026-09-16)" }),
          subscription: expect.objectContaining({ offer_id: tier3, commitment: expect.objectContaining({ tier: 3, minimum: { currency_code: "usd", amount: 1000 }, tier_applied: true }) }),
        })
      )
      expect(await tierOf()).toEqual(2)
      await sandbox("/requests", { method: "DELETE" })
      expect((await api.post(contractChanges, { type: "contract_tier", offer_id: tier3 }, admin)).data.outcome).toEqual("unchanged")
      expect(await writesToAcronis()).toEqual([])

      // Down to tier 0 from 1 October: September is not touched, October is billed on tier 0.
      at("2026-09-20T09:00:00Z")
      const { data: { preview: downgrade } } = await api.post(`${contractChanges}/preview`, { type: "contract_tier", offer_id: tier0 }, admin)
      expect(downgrade.months.map((m: any) => [m.period, m.without.total, m.with.total, m.difference])).toEqual([
        ["2026-09", "625.00", "625.00", "0.00"],
        ["2026-10", "1000.00", "100.00", "-900.00"],
      ])
      const { data: downgraded } = await api.post(contractChanges, { type: "contract_tier", offer_id: tier0 }, admin)
      expect(downgraded.change).toEqual(expect.objectContaining({ timing: "scheduled", effective_on: "2026-10-01", applied_at: null }))
      expect(await tierOf()).toEqual(2)

      // The plan goes yearly from 1 October: September's statement charges the first plan year in advance.
      const planChanges = `/admin/acronis/subscriptions/${plan.id}/changes`
      const week = await answerOf(api.post(planChanges, { type: "billing_interval", interval: "week" }, admin))
      expect({ status: week.status, message: week.data.message }).toEqual({ status: 400, message: expect.stringMatching(/Expected: 'month, year' for field 'interval'/) })
      const { data: { preview: toYearly } } = await api.post(`${planChanges}/preview`, { type: "billing_interval", interval: "year" }, admin)
      expect(toYearly.months.map((m: any) => [m.period, m.without.total, m.with.total, m.difference])).toEqual([
        ["2026-09", "70.00", "455.00", "385.00"],
        ["2026-10", "35.00", "0.00", "-35.00"],
      ])
      const { data: yearly } = await api.post(planChanges, { type: "billing_interval", interval: "year" }, admin)
      expect(yearly).toEqual(
        expect.objectContaining({
          outcome: "changed",
          change: expect.objectContaining({ timing: "scheduled", effective_on: "2026-10-01", set: { billing_cycle: "year", fee_anchor: "2026-10-01" } }),
          subscription: expect.objectContaining({ billing_cycle: "month", next_change_on: "2026-10-01" }),
        })
      )
      expect((await api.post(planChanges, { type: "billing_interval", interval: "year" }, admin)).data.outcome).toEqual("unchanged")

      await syncDays("2026-09-20", "2026-09-30")
      at("2026-10-01T06:50:00Z")
      const applied = await applyDueAcronisTermChanges(container, { now: new Date() })
      expect(applied.applied.map((a) => a.subscription_id).sort()).toEqual([contract.id, plan.id].sort())
      expect(await tierOf()).toEqual(-1)
      expect(await acronis.retrieveAcronisSubscription(plan.id)).toEqual(expect.objectContaining({ billing_cycle: "year", next_change_on: null }))
      expect(await acronis.retrieveAcronisSubscription(contract.id)).toEqual(expect.objectContaining({ offer_id: tier0, next_change_on: null }))

      at("2026-10-01T07:20:00Z")
      await close(contract.id, "2026-09")
      await close(plan.id, "2026-09")
      const contractSeptember = await statementIn(contract.id, "2026-09")
      // Tier 1 to the 15th: 5 × 4 and 250 × 15/30; tier 3 from the 16th: 5 × 3.5 and 1000 × 15/30.
      expect({ total: contractSeptember.total, lines: linesOf(contractSeptember) }).toEqual({
        total: "625.00",
        lines: [
          ["usage", "pg_base_workstations", "5", "20.00"],
          ["commitment_shortfall", null, "1", "105.00"],
          ["usage", "pg_base_workstations", "5", "17.50"],
          ["commitment_shortfall", null, "1", "482.50"],
        ],
      })
      expect(descriptionsOf(contractSeptember)).toEqual([
        "pg_base_workstations — peak count, 15 of 30 days (2026-09-01 to 2026-09-15, tier 1)",
        "Minimum commitment 250 USD for 15 of 30 days (125): usage 20, shortfall (2026-09-01 to 2026-09-15, tier 1)",
        "pg_base_workstations — peak count, 15 of 30 days (2026-09-16 to 2026-09-30, tier 3)",
        "Minimum commitment 1000 USD for 15 of 30 days (500): usage 17.5, shortfall (2026-09-16 to 2026-09-30, tier 3)",
      ])
      const planSeptember = await statementIn(plan.id, "2026-09")
      expect({ total: planSeptember.total, lines: linesOf(planSeptember), descriptions: descriptionsOf(planSeptember) }).toEqual({
        total: "455.00",
        lines: [["seat", null, "1", "35.00"], ["seat", null, "12", "420.00"]],
        descriptions: ["Plan fee for 2026-09", "Plan fee for the year 2026-10-01 to 2027-09-30, in advance (10 seats, yearly)"],
      })

      // October: the contract on tier 0 (10 × 4.5, then up to its 100 minimum); the plan's year is paid.
      await syncDays("2026-10-15", "2026-10-31")
      at("2026-11-01T07:20:00Z")
      await close(contract.id, "2026-10")
      await close(plan.id, "2026-10")
      expect(linesOf(await statementIn(contract.id, "2026-10"))).toEqual([["usage", "pg_base_workstations", "10", "45.00"], ["commitment_shortfall", null, "1", "55.00"]])
      expect(await statementIn(plan.id, "2026-10")).toEqual(expect.objectContaining({ total: "0.00", lines: [] }))
    })

    // ---------------------------------------------------------------- a plan ordered with its order form
    it("bills a plan ordered with its form as chosen: post-paid by the month's peak of user accounts, pre-paid by the package's fee in advance, at the chosen package's seat price", async () => {
      jest.useFakeTimers({ ...FAKE_DATE_ONLY, doNotFake: [...FAKE_DATE_ONLY.doNotFake] })
      at("2026-09-01T09:00:00Z")
      const channel = await createStoreChannel(container, "Plan store")
      const region = await createRegion(api, admin, "usd", ["us"])
      const product = await createDigitalProduct(api, admin, { title: "Acronis Cloud Backup plan", salesChannelId: channel.salesChannelId, prices: { usd: 0 } })
      await api.post(`/admin/products/${product.id}/acronis-offer`, PLAN_FORM_OFFER, admin)

      /** A new buyer's storefront order of the plan with `plan_order`, through to its active subscription. */
      async function orderPlan(order: ReturnType<typeof planOrder>, login: string) {
        // A buyer's next order goes to the tenant it has: each order here is a new customer's.
        const { storeHeaders: store } = await createStoreCustomer(api, channel.headers["x-publishable-api-key"], { email: `${login}@buyer.test` })
        const { data: { cart } } = await api.post("/store/carts", { region_id: region.id }, store)
        await api.post(`/store/carts/${cart.id}/line-items`, { variant_id: product.variantId, quantity: 1, metadata: { plan_order: order } }, store)
        await api.post(`/store/carts/${cart.id}/acronis/terms`, { terms_version: "2024-01", accepted: true }, store)
        await api.post(`/store/carts/${cart.id}`, { billing_address: BILLING_ADDRESS }, store)
        const details = await answerOf(api.post(`/store/carts/${cart.id}/acronis/service-details`, { login, email: "connie@contoso.com" }, store))
        expect({ status: details.status, message: details.data.message }).toEqual({ status: 200, message: undefined })
        await payWithSystemProvider(api, cart.id, store)
        const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, store)
        expect(data.type).toEqual("order")
        for (let wait = 0; wait < 300; wait++) {
          const [subscription] = await acronis.listAcronisSubscriptions({ order_id: data.order.id })
          if (subscription?.status === "active") return subscription
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
        throw new Error(`the subscription of order ${data.order.id} did not become active`)
      }
      const postPaid = await orderPlan(planOrder("post_paid", "Postpaid Ltd"), "admin.postpaid.example")
      const prePaid = await orderPlan(planOrder("pre_paid", "Prepaid Ltd"), "admin.prepaid.example")
      for (const subscription of [postPaid, prePaid]) {
        expect({ ...subscription, activated_on: subscription.activated_at!.toISOString().slice(0, 10) }).toEqual(
          expect.objectContaining({ type: "plan", pricing_mode: "production", activated_on: "2026-09-01" })
        )
        // Acronis holds the chosen package's quota, not the offer's.
        expect(await quotaInSandbox(subscription.tenant_id!, "pw_base_workstations")).toEqual(expect.objectContaining({ value: 50, overage: 5 }))
        // 12 user accounts all month: within the package's 50, above the offer's own quota of 5.
        await setUsage(subscription.tenant_id!, [{ offering_item: "pw_base_workstations", date: "2026-09-01", value: 12 }])
      }
      await syncDays("2026-09-01", "2026-09-15", "2026-09-30")
      // Its terms are the package's too: 50 seats paid for, so 60 is more (at once), from 50.
      const changes = `/admin/acronis/subscriptions/${prePaid.id}/changes`
      const { data: { preview: more } } = await api.post(`${changes}/preview`, { type: "seats", seats: 60 }, admin)
      expect(more.change).toEqual(expect.objectContaining({ timing: "immediate", set: { seats: 60 }, previous: { seats: 50 } }))
      at("2026-10-01T07:20:00Z")
      await close(postPaid.id, "2026-09")
      await close(prePaid.id, "2026-09")

      // Post-paid: the month's peak of 12 user accounts at the business package's 3 USD (the first package's is 3.5).
      const postPaidSeptember = await statementIn(postPaid.id, "2026-09")
      expect({ total: postPaidSeptember.total, lines: linesOf(postPaidSeptember) }).toEqual({ total: "36.00", lines: [["seat", null, "12", "36.00"]] })
      expect(descriptionsOf(postPaidSeptember)).toEqual(["User accounts — the month's peak"])
      // Pre-paid: the package's 50 seats × 3 USD for September and for October in advance, whatever the user count;
      // nothing over the quota, which is the package's 50.
      const prePaidSeptember = await statementIn(prePaid.id, "2026-09")
      expect({ total: prePaidSeptember.total, lines: linesOf(prePaidSeptember) }).toEqual({
        total: "300.00",
        lines: [["seat", null, "1", "150.00"], ["seat", null, "1", "150.00"]],
      })
      expect(descriptionsOf(prePaidSeptember)).toEqual(["Plan fee for 2026-09", "Plan fee for 2026-10, in advance"])
    })

    it("moves a cloud plan's data location only while the tenant stores nothing, asked by staff; never for the buyer", async () => {
      const formOffer = await offerFor("Acronis Cloud Backup plan", PLAN_FORM_OFFER)
      const order = planOrder("post_paid", "Contoso Ltd", INFRA.acronisBackup)
      const sub = await subscribe("postPaid", new Date().toISOString(), owner, { offer_id: formOffer, metadata: { plan_order: order } })
      const route = `/admin/acronis/subscriptions/${sub.id}/data-location`
      const today = new Date().toISOString().slice(0, 10)
      const storagesInSandbox = async () =>
        (await tenantInSandbox(sub.tenantId)).offering_items.filter((i: any) => i.name === "pw_base_storage").map((i: any) => i.infra_id)
      const dataLocationOf = async () => ((await acronis.retrieveAcronisSubscription(sub.id)).metadata as any).plan_order.data_location
      const refusal = async (call: Promise<{ status: number; data: any }>) => {
        const answer = await answerOf(call)
        return { status: answer.status, message: answer.data.message }
      }
      expect(await storagesInSandbox()).toEqual([INFRA.acronisBackup])

      // Refused by name, before anything is asked of Acronis: a storage the plan cannot use, none at all, and the
      // buyer's change request in any form; the term changes route points staff here.
      await sandbox("/requests", { method: "DELETE" })
      const drSite = "0a1e0000-5b5e-4c0d-9e7a-acc0b5700003"
      expect(await refusal(api.post(route, { data_location: drSite }, admin))).toEqual({
        status: 400,
        message: `data_location: ${drSite} is not a storage this plan can use; choose one of ${INFRA.acronisBackup} (Acronis Cloud Storage (Frankfurt, EU)), ${INFRA.partnerBackup} (Partner-hosted Storage (Virginia, US)).`,
      })
      expect(await refusal(api.post(route, {}, admin))).toEqual({ status: 400, message: expect.stringMatching(/data_location/) })
      const mine = `/store/customers/me/acronis/subscriptions/${sub.id}/changes`
      for (const [path, body] of [
        [mine, { type: "data_location", data_location: INFRA.partnerBackup }],
        [mine, { type: "seats", seats: 12, data_location: INFRA.partnerBackup }],
        [`${mine}/preview`, { data_location: INFRA.partnerBackup }],
      ] as const) {
        expect({ path, ...(await refusal(api.post(path, body, owner.storeHeaders))) }).toEqual({
          path,
          status: 400,
          message: expect.stringMatching(/^data_location: the data location is permanent/),
        })
      }
      expect(await refusal(api.post(`/admin/acronis/subscriptions/${sub.id}/changes`, { type: "data_location", data_location: INFRA.partnerBackup }, admin))).toEqual({
        status: 400,
        message: expect.stringMatching(/^data_location: the data location is not a term of the subscription: move it with POST \/admin\/acronis\/subscriptions\/:id\/data-location/),
      })
      expect((await sandbox<{ items: unknown[] }>("/requests")).items.filter((r: any) => r.path.includes(sub.tenantId))).toEqual([])

      // 5 GiB stored in Frankfurt (Acronis's usage, read live): the data stays there.
      await setUsage(sub.tenantId, [{ offering_item: "pw_base_storage", date: today, value: 5 * GiB }])
      const stored = `data_location: the tenant already stores ${5 * GiB} bytes in Acronis Cloud Storage (Frankfurt, EU); Acronis changes a tenant's storage only while its usage is 0, so its data stays there.`
      expect(await refusal(api.post(`${route}/preview`, { data_location: INFRA.partnerBackup }, admin))).toEqual({ status: 400, message: stored })
      expect(await refusal(api.post(route, { data_location: INFRA.partnerBackup }, admin))).toEqual({ status: 400, message: stored })
      expect(await writesToAcronis()).toEqual([])
      expect({ storages: await storagesInSandbox(), data_location: await dataLocationOf() }).toEqual({ storages: [INFRA.acronisBackup], data_location: INFRA.acronisBackup })

      // Emptied: the preview says what would move and writes nothing; the move is one PUT, recorded in the form.
      await setUsage(sub.tenantId, [{ offering_item: "pw_base_storage", date: today, value: 0 }])
      const { data: { preview } } = await api.post(`${route}/preview`, { data_location: INFRA.partnerBackup }, admin)
      expect(preview).toEqual({
        outcome: "moved",
        from: { id: INFRA.acronisBackup, name: "Acronis Cloud Storage (Frankfurt, EU)" },
        to: { id: INFRA.partnerBackup, name: "Partner-hosted Storage (Virginia, US)" },
        storage_usage: 0,
        moves: ["pw_base_storage"],
      })
      expect(await writesToAcronis()).toEqual([])
      const { data: moved } = await api.post(route, { data_location: INFRA.partnerBackup }, admin)
      expect(moved).toEqual(
        expect.objectContaining({ outcome: "moved", to: preview.to, subscription: expect.objectContaining({ metadata: { plan_order: { ...order, data_location: INFRA.partnerBackup } } }) })
      )
      expect(await writesToAcronis()).toEqual([`PUT /api/2/tenants/${sub.tenantId}/offering_items`])
      expect({ storages: await storagesInSandbox(), data_location: await dataLocationOf() }).toEqual({ storages: [INFRA.partnerBackup], data_location: INFRA.partnerBackup })

      // Asked again (a double click): nothing more is moved or written.
      await sandbox("/requests", { method: "DELETE" })
      expect((await api.post(route, { data_location: INFRA.partnerBackup }, admin)).data.outcome).toEqual("unchanged")
      expect(await writesToAcronis()).toEqual([])
    })
  },
})
