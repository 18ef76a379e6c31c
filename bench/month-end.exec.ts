/**
 * The month-end phases, run by `bench/month-end.bench.mjs` through `medusa exec` against a fresh database and
 * a sandbox in the driver's process: `medusa exec ./bench/month-end.exec.ts <phase> <n>`.
 *
 * - seed-close n: n pay-per-use subscriptions, each with its order, a month (September 2026) of daily usage
 *   of two offering items, its billing account synced, and the month's usage report kept (as a close run
 *   finds it after the first one fetched it). Bulk inserts; not timed.
 * - close: the close job's run at 07:20 on 1 October, end to end through the workflows and the database.
 * - seed-sync n: n tenants in the sandbox with usage, and an active subscription on each.
 * - sync: the usage sync job over every subscription, with the sandbox's latency set by the driver.
 *
 * Each timed phase prints one `BENCH {json}` line with its figures; the driver compares them to the targets.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import acronisUsageSync from "../src/jobs/acronis-usage-sync"
import { ACRONIS_MODULE } from "../src/modules/acronis"
import { acronisOfferSchema } from "../src/modules/acronis/domain/offer-schema"
import type AcronisModuleService from "../src/modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../src/modules/acronis-billing"
import type AcronisBillingModuleService from "../src/modules/acronis-billing/service"
import { closeDueAcronisMonths } from "../src/workflows/acronis-billing"

const GiB = 1073741824
const PERIOD = "2026-09"
const DAYS = Array.from({ length: 30 }, (_, i) => `2026-09-${String(i + 1).padStart(2, "0")}`)
const BATCH = 500

type Knex = {
  batchInsert(table: string, rows: Record<string, unknown>[], size: number): Promise<unknown>
  on(event: "query", listener: () => void): void
}

function report(figures: Record<string, unknown>) {
  console.log(`BENCH ${JSON.stringify({ ...figures, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) })}`)
}

/** Counts the SQL statements the app sends, through the connection its modules share. */
function countQueries(container: MedusaContainer) {
  const counter = { queries: 0 }
  container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION).on("query", () => counter.queries++)
  return counter
}

async function createOffer(container: MedusaContainer) {
  const terms = acronisOfferSchema.parse({
    type: "ppu",
    protection_models: ["per_gigabyte", "per_workload"],
    file_sync_share_models: ["per_user"],
    unit_prices: { pg_base_storage: { usd: 0.05 }, pg_base_workstations: { usd: 4 } },
  })
  const [offer] = await container.resolve<AcronisModuleService>(ACRONIS_MODULE).createAcronisOffers([terms as never])
  return offer.id
}

/** n subscriptions on tenants `tenantIds`, each bought with its own order (one line). */
async function createSubscriptions(container: MedusaContainer, tenantIds: string[]) {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const orders = container.resolve(Modules.ORDER)
  const { result: [region] } = await createRegionsWorkflow(container).run({ input: { regions: [{ name: "US", currency_code: "usd" }] } })
  const offerId = await createOffer(container)
  const ids: string[] = []
  for (let from = 0; from < tenantIds.length; from += BATCH) {
    const tenants = tenantIds.slice(from, from + BATCH)
    const made = await orders.createOrders(
      tenants.map((_, i) => ({
        region_id: region.id,
        email: `bench-${from + i}@customer.test`,
        currency_code: "usd",
        status: "pending",
        items: [{ title: "Acronis pay per use", quantity: 1, unit_price: 0 }],
      })) as never
    )
    const subscriptions = (await acronis.createAcronisSubscriptions(
      made.map((order, i) => ({
        type: "ppu" as const,
        status: "active" as const,
        order_id: order.id,
        line_item_id: order.items![0].id,
        offer_id: offerId,
        service_name: "Acronis pay per use",
        tenant_kind: "customer" as const,
        tenant_id: tenants[i],
        login: `bench-${from + i}`,
        email: order.email!,
        billing_cycle: "calendar_month",
        activated_at: new Date("2026-09-01T00:00:00Z"),
      })) as never
    )) as unknown as { id: string }[]
    ids.push(...subscriptions.map((s) => s.id))
  }
  return ids
}

async function seedClose(container: MedusaContainer, n: number) {
  const tenantIds = Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`)
  const subscriptionIds = await createSubscriptions(container, tenantIds)
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const syncedAt = new Date("2026-09-30T23:00:00Z")
  // Storage grows through the month; the workstation count changes every ten days.
  const rows = subscriptionIds.flatMap((subscription_id, s) =>
    DAYS.flatMap((day, d) => [
      { offering_item: "pg_base_storage", infra_id: "bench-storage", measurement_unit: "bytes", value: String((10 + d + (s % 7)) * GiB) },
      { offering_item: "pg_base_workstations", infra_id: "", measurement_unit: "quantity", value: String(1 + (s % 5) + Math.floor(d / 10)) },
    ].map((u, k) => ({ id: `acusage_${s}_${d}_${k}`, subscription_id, tenant_id: tenantIds[s], edition: "pck_per_gigabyte", day, absolute_value: u.value, synced_at: syncedAt, ...u })))
  )
  await knex.batchInsert("acronis_usage_snapshot", rows, 2000)
  const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  for (let from = 0; from < n; from += BATCH) {
    await billing.createAcronisBillingAccounts(subscriptionIds.slice(from, from + BATCH).map((subscription_id) => ({ subscription_id, last_synced_at: syncedAt })))
  }
  // The report as json_v2_0 has it: per tenant, the last day's level of each item.
  const items = tenantIds.flatMap((tenant_uuid, s) => [
    { tenant_uuid, name: "pg_base_storage", infra_id: "bench-storage", measurement_unit: "bytes", value: (39 + (s % 7)) * GiB },
    { tenant_uuid, name: "pg_base_workstations", infra_id: null, measurement_unit: "quantity", value: 3 + (s % 5) },
  ])
  await billing.createAcronisUsageReports({ period: PERIOD, report_id: "bench-report", rows: { items }, fetched_at: new Date() })
  report({ phase: "seed-close", subscriptions: n, snapshots: rows.length })
}

async function close(container: MedusaContainer) {
  const counter = countQueries(container)
  const started = process.hrtime.bigint()
  const result = await closeDueAcronisMonths(container, { now: new Date("2026-10-01T07:20:00Z") })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const statements = await container
    .resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    .listAcronisStatements({ period: PERIOD, status: "billed" }, { select: ["id"], take: null })
  report({
    phase: "close",
    subscriptions: result.closed.length + result.on_hold.length + result.failed.length,
    closed: result.closed.length,
    on_hold: result.on_hold.length,
    failed: result.failed.length,
    first_failure: result.failed[0]?.message,
    billed: statements.length,
    seconds,
    queries: counter.queries,
  })
}

async function seedSync(container: MedusaContainer, n: number) {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const client = acronis.getAcronisClient()
  const root = await acronis.getRootTenantId()
  const available = await client.offeringItems.availableForChild(root, { kind: "customer", edition: "*" })
  // A customer tenant uses one backup storage.
  const storage = available.find((i) => i.name === "pg_base_storage" && i.infra_id)?.infra_id
  const enabled = available
    .filter((i) => ["pg_base_storage", "pg_base_workstations"].includes(i.name) && (!i.infra_id || i.infra_id === storage))
    .map((i) => ({ application_id: i.application_id, name: i.name, infra_id: i.infra_id ?? undefined, status: 1 as const }))
  const tenantIds: string[] = []
  for (let i = 0; i < n; i++) {
    const tenant = await client.tenants.create({ name: `Bench customer ${i}`, kind: "customer", parent_id: root })
    await client.offeringItems.update(tenant.id, enabled)
    tenantIds.push(tenant.id)
  }
  const sandbox = (await acronis.getStatus()).datacenter_url
  for (let from = 0; from < n; from += BATCH) {
    const items = tenantIds.slice(from, from + BATCH).map((tenant_id, i) => ({ tenant_id, offering_item: "pg_base_workstations", date: "2026-12-01", value: 1 + ((from + i) % 9) }))
    const response = await fetch(`${sandbox}/__sandbox/usages`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ items }) })
    if (!response.ok) throw new Error(`sandbox usages: ${response.status} ${await response.text()}`)
  }
  await createSubscriptions(container, tenantIds)
  report({ phase: "seed-sync", tenants: n })
}

async function sync(container: MedusaContainer) {
  const counter = countQueries(container)
  const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const started = process.hrtime.bigint()
  await acronisUsageSync(container)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const accounts = await billing.listAcronisBillingAccounts({ last_synced_at: { $ne: null } }, { select: ["id"], take: null })
  const tenants = (await container.resolve<AcronisModuleService>(ACRONIS_MODULE).listAcronisSubscriptions({}, { select: ["id"], take: null })).length
  report({ phase: "sync", tenants, synced: accounts.length, seconds, queries: counter.queries })
}

export default async function monthEndBench({ container, args }: ExecArgs) {
  const [phase, n] = args
  if (phase === "seed-close") await seedClose(container, Number(n))
  else if (phase === "close") await close(container)
  else if (phase === "seed-sync") await seedSync(container, Number(n))
  else if (phase === "sync") await sync(container)
  else throw new Error(`unknown phase ${phase}: seed-close <n> | close | seed-sync <n> | sync`)
}
