// Closing a month in the admin, in headless Chromium: the subscription's usage chart, the Billing page's dry
// run, the close behind its prompt, and the statement on the subscription's page; the statement is checked
// through the admin API (issued, its lines, reconciled with Acronis's report).
//
// The host runs on the real clock, and only a month that has ended is closed: so the subscription is made to
// have served all of last month. The walk provisions it while the sandbox believes it is the 1st of that
// month (so Acronis's report counts the month as production), then writes what a month of daily syncs and
// the activation would have left in the host's database: `activated_at` and one usage snapshot a day, the
// same values the sandbox then reports for those days.
import { confirmPrompt } from "./admin-walk-subscriptions.mjs"

const GB = 1024 ** 3

/** The last month that can be closed now: Acronis's history for a month is complete at 06:00 UTC the day after. */
export function closablePeriod(now = new Date()) {
  const back = now.getUTCDate() === 1 && now.getUTCHours() < 6 ? 2 : 1
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
}

/** Where the sandbox's clock stands while the subscription to bill is provisioned. */
export const servedFrom = (period) => `${period}-01T08:00:00.000Z`

/**
 * @param {import("./admin-walk-subscriptions.mjs").WalkContext} walk
 * @param {{ subscription: { id: string, tenant_id: string }, period: string }} subject an active pay-per-use
 *   subscription provisioned at `servedFrom(period)` on the sandbox's clock
 */
export async function walkBillingPages(walk, { subscription, period }) {
  const { page, base, api, sandbox, db, see, snap, log } = walk

  walk.stage = `giving the subscription a month of usage in ${period}`
  const days = daysOf(period)
  const tenant = (await sandbox("GET", "/state")).tenants.find((t) => t.id === subscription.tenant_id)
  // The sandbox lists a tenant's enabled offering items.
  const enabled = (name) => tenant.offering_items.find((item) => item.name === name)
  const storage = enabled("pg_base_storage")
  const workstations = enabled("pg_base_workstations")
  if (!storage || !workstations) throw new Error(`tenant ${tenant.id} has no per-gigabyte storage and workstations enabled`)
  // 40 GB growing by 2 GB a day; 3 workstations, 5 from the 15th.
  const usage = days.flatMap((day, i) => [
    { item: storage, unit: "bytes", day, value: String((40 + 2 * i) * GB) },
    { item: workstations, unit: "quantity", day, value: String(i < 14 ? 3 : 5) },
  ])
  await sandbox("PUT", "/usages", {
    items: usage.map((u) => ({ tenant_id: tenant.id, offering_item: u.item.name, infra_id: u.item.infra_id ?? undefined, date: u.day, value: Number(u.value) })),
  })
  await db(`update acronis_subscription set activated_at = $2, service_spans = $3 where id = $1`, [
    subscription.id,
    servedFrom(period),
    JSON.stringify([{ from: days[0], to: null }]),
  ])
  for (const [i, u] of usage.entries()) {
    await db(
      `insert into acronis_usage_snapshot (id, subscription_id, tenant_id, offering_item, edition, infra_id, measurement_unit, day, value, absolute_value, pricing_mode, synced_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 'production', $10)`,
      [`acusage_walk_${Date.now()}_${i}`, subscription.id, tenant.id, u.item.name, u.item.edition ?? null, u.item.infra_id ?? "", u.unit, u.day, u.value, `${u.day}T23:00:00.000Z`]
    )
  }
  await db(`update acronis_billing_account set last_synced_at = $2 where subscription_id = $1`, [subscription.id, new Date().toISOString()])
  log(`${period}: ${days.length} days of storage and workstations usage for tenant "${tenant.name}"`)

  walk.stage = "the subscription's usage chart"
  await page.goto(`${base}/app/acronis/subscriptions/${subscription.id}`)
  await see("Usage over the month")
  const chartHeader = page.locator("div", { has: page.getByRole("heading", { name: "Usage over the month" }) }).last()
  await chartHeader.getByRole("combobox").click()
  await page.getByRole("option", { name: period, exact: true }).click()
  await page.locator(".recharts-surface").first().waitFor()
  const series = await page.locator(".recharts-line, .recharts-area, .recharts-bar").count()
  if (!series) throw new Error(`the usage chart of ${period} draws no series`)
  await snap("16-subscription-usage-chart")
  log(`usage chart of ${period}: ${series} series drawn`)

  // The hourly close runs at :20; keep clear of it so the month is closed by the page, not by the job.
  while ([19, 20, 21].includes(new Date().getUTCMinutes())) await new Promise((resolve) => setTimeout(resolve, 5_000))

  walk.stage = "the Billing page's dry run"
  await page.goto(`${base}/app/acronis/billing`)
  await page.locator("#billing-period").fill(period)
  const close = page.getByRole("button", { name: "Close month", exact: true })
  if (await close.isEnabled()) throw new Error("Close month is enabled before a dry run")
  await page.getByRole("button", { name: "Dry run", exact: true }).click()
  await see(`Dry run of ${period}`)
  for (let tries = 0; !(await close.isEnabled()); tries++) {
    if (tries === 20) throw new Error(`Close month stays disabled after the dry run of ${period}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const dry = await api("POST", "/admin/acronis/billing/close", { period, dry_run: true })
  const previewed = dry.results.find((r) => r.subscription_id === subscription.id)
  if (!previewed?.statement || previewed.statement.hold) throw new Error(`the dry run of ${period} has no statement to issue for ${subscription.id}: ${JSON.stringify(previewed)}`)
  await snap("17-billing-dry-run")

  walk.stage = "closing the month"
  await close.click()
  await confirmPrompt(page, "Close month")
  await see(`Closed ${period}`)
  const { statements } = await api("GET", `/admin/acronis/subscriptions/${subscription.id}/statements`)
  const statement = statements.find((s) => s.period === period)
  if (!statement || !["issued", "billed"].includes(statement.status)) {
    throw new Error(`the closed month left ${subscription.id} with statement ${JSON.stringify(statement ?? null)}`)
  }
  if (statement.total !== previewed.statement.total) throw new Error(`the closed statement's total ${statement.total} is not the dry run's ${previewed.statement.total}`)
  if (statement.reconciliation?.status !== "matched") throw new Error(`the statement is not reconciled with Acronis's report: ${JSON.stringify(statement.reconciliation)}`)
  await snap("18-billing-closed")
  log(`${period} closed after its dry run: statement ${statement.status}, ${statement.currency_code.toUpperCase()} ${statement.total}, reconciled with Acronis`)

  walk.stage = "the statement on the subscription's page"
  await page.goto(`${base}/app/acronis/subscriptions/${subscription.id}`)
  const monthName = new Date(`${period}-01T00:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" })
  await see(monthName)
  await snap("19-subscription-statement")
  return statement
}

function daysOf(period) {
  const [year, month] = period.split("-").map(Number)
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return Array.from({ length: count }, (_, i) => `${period}-${String(i + 1).padStart(2, "0")}`)
}
