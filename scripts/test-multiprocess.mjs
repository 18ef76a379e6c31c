#!/usr/bin/env node
// `npm run test:multiprocess`: the plugin deployed as in production — one Medusa server and two workers on
// a fresh PostgreSQL database and Redis, one Acronis sandbox process — driven over HTTP as a storefront and
// staff would. Process logs go to .data/multiprocess/; this prints a short summary, names every failed check
// and exits non-zero if any failed. Needs PostgreSQL (DB_HOST, DB_USERNAME, DB_PASSWORD) and Redis (REDIS_URL, default
// redis://127.0.0.1:6379).
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { root, startCluster, stopAllClusters } from "./lib/cluster.mjs"
import { createShop, mapLimit, placeOrders, readyPayPerUseCart, waitFor } from "./lib/storefront.mjs"

const TIME_BOUND_MS = Number(process.env.MULTIPROCESS_TIME_BOUND_MS || 20 * 60_000)
const ORDERS = 50
const runDir = join(root, ".data", "multiprocess")
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`
const say = (message) => console.log(`[multiprocess ${elapsed()}] ${message}`)

class CheckFailed extends Error {}
const failures = []
let passed = 0
/** A failed check is recorded and the run goes on to the next scenario; the exit code reports it. */
function check(condition, message) {
  if (condition) return ++passed > 0
  failures.push(message)
  console.log(`[multiprocess ${elapsed()}] FAILED: ${message}`)
  return false
}
/** A failed precondition: the rest of the run would mean nothing, so it stops here. */
function mustHold(condition, message) {
  if (!condition) throw new CheckFailed(message)
}

const duplicatesOf = (values) => values.filter((value, index) => values.indexOf(value) !== index)

let cluster
let shop
const timer = setTimeout(async () => {
  console.error(`[multiprocess] FAILED: the run took longer than ${TIME_BOUND_MS / 1000} s; logs in ${runDir}`)
  await stopAllClusters()
  process.exit(1)
}, TIME_BOUND_MS)
const abort = async () => {
  await stopAllClusters()
  process.exit(1)
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, abort)
// `npm run test:multiprocess` killed: its processes run in groups of their own, so nothing else would stop them.
const parent = process.ppid
setInterval(() => process.ppid !== parent && abort(), 500).unref()

try {
  cluster = await startCluster({
    workers: 2,
    runDir,
    log: say,
    env: {
      // Short client budgets: a worker killed mid-call must not leave the others waiting on production timeouts.
      ACRONIS_TIMEOUT_MS: "5000",
      ACRONIS_PROVISIONING_RETRY_DELAY_MS: "200",
      // A killed worker's run counts as dead after 20 s without a heartbeat (not 2 minutes), so the recovery
      // job (every minute) gives it to a live worker within the test's time.
      ACRONIS_PROVISIONING_STALE_AFTER_SECONDS: "20",
      // The workers close due months every minute too, alongside the two close processes of scenario 3.
      ACRONIS_MONTHLY_CLOSE_SCHEDULE: "* * * * *",
    },
  })
  shop = await createShop(cluster)
  say("shop ready: admin, region, pay-per-use product")

  // 1. Fifty storefront orders at once; one worker is SIGKILLed while it provisions, then restarted.
  const customers = await shop.customers(ORDERS, "buyer")
  const carts = await mapLimit(customers, 10, (customer, i) => readyPayPerUseCart(shop, customer, `buyer${i + 1}`))
  say(`${ORDERS} customers with a paid pay-per-use cart each`)
  const placedAt = Date.now()
  const completions = await placeOrders(shop, carts)
  mustHold(
    completions.every((answer) => answer.type === "order"),
    `every cart completes into an order (got ${JSON.stringify(completions.filter((a) => a.type !== "order").slice(0, 3))})`
  )
  const customerIds = new Set(customers.map((c) => c.id))
  const subscriptionsOfBuyers = async () => (await shop.subscriptions()).filter((s) => customerIds.has(s.customer_id))

  // Kill worker-1 in the middle of a provisioning run: it has taken runs (its log says so) and two runs are in
  // flight. A worker handles one event at a time and the server none, so one of the two is worker-1's.
  const victim = cluster.workers[0]
  const underWay = await waitFor("worker-1 to be in the middle of a provisioning run", 150_000, async () => {
    if (!readFileSync(join(runDir, `${victim.name}.log`), "utf8").includes("acronis.provisioning.requested")) return null
    const [{ running }] = await cluster.sql(`SELECT count(*)::int AS running FROM acronis_subscription WHERE status = 'provisioning' AND deleted_at IS NULL`)
    return running >= 2 ? running : null
  }, 25)
  victim.kill("SIGKILL")
  await victim.exited
  const activeAtKill = (await subscriptionsOfBuyers()).filter((s) => s.status === "active").length
  say(`SIGKILLed ${victim.name} with ${underWay} provisioning runs in flight, ${activeAtKill}/${ORDERS} subscriptions active`)
  mustHold(activeAtKill < ORDERS, "worker-1 was killed before every subscription was active (nothing was in flight)")
  cluster.workers[0] = await cluster.startMedusa(victim.name, "worker")
  say(`${victim.name} restarted`)

  await waitFor(`${ORDERS} active subscriptions`, 8 * 60_000, async () => {
    const subscriptions = await subscriptionsOfBuyers()
    return subscriptions.filter((s) => s.status === "active").length >= ORDERS || null
  }).catch(() => null)
  const allActiveMs = Date.now() - placedAt
  const subscriptions = await subscriptionsOfBuyers()
  const state = await shop.sandboxState()
  const tenants = state.tenants.filter((t) => t.id !== state.root_tenant_id && !t.deleted_at && t.kind === "customer")
  const users = state.users.filter((u) => !u.deleted_at && tenants.some((t) => t.id === u.tenant_id))
  // Acronis's own activation e-mails (the sandbox records each `send-activation-email`) to the buyers' logins.
  const activations = (await shop.sandboxEmails()).filter((e) => e.kind === "activation" && /^buyer\d+$/i.test(e.login))
  const active = subscriptions.filter((s) => s.status === "active")
  console.log(`50 concurrent checkouts: time until all active: ${(allActiveMs / 1000).toFixed(1)} s (with one worker SIGKILLed and restarted)`)
  check(subscriptions.length === ORDERS, `${ORDERS} subscriptions for ${ORDERS} orders (got ${subscriptions.length})`)
  check(active.length === ORDERS, `${ORDERS} active subscriptions (got ${active.length}: ${JSON.stringify(countBy(subscriptions, "status"))})`)
  check(tenants.length === ORDERS, `${ORDERS} customer tenants in Acronis (got ${tenants.length})`)
  check(users.length === ORDERS, `${ORDERS} users in Acronis (got ${users.length})`)
  check(activations.length === ORDERS, `${ORDERS} activation e-mails (got ${activations.length})`)
  const duplicateTenants = duplicatesOf(tenants.map((t) => t.name))
  const duplicateLogins = duplicatesOf(users.map((u) => u.login))
  const duplicateMails = duplicatesOf(activations.map((e) => e.login))
  check(!duplicateTenants.length, `no duplicate tenants (got ${duplicateTenants.join(", ")})`)
  check(!duplicateLogins.length, `no duplicate users (got ${duplicateLogins.join(", ")})`)
  check(!duplicateMails.length, `no duplicate activation e-mails (got ${duplicateMails.join(", ")})`)
  check(
    new Set(active.map((s) => s.tenant_id)).size === active.length && active.every((s) => tenants.some((t) => t.id === s.tenant_id)),
    "each active subscription has its own tenant, and it exists in Acronis"
  )
  // Our own e-mails (the outbox): one "order received" and one "service is ready" per buyer.
  const buyerMails = await waitFor("the buyers' e-mails", 60_000, () => {
    const mails = outbox().filter((m) => /^buyer\d+@/.test(m.to))
    return mails.filter((m) => m.subject.startsWith("Your Acronis service is ready")).length >= ORDERS ? mails : null
  }).catch(() => outbox().filter((m) => /^buyer\d+@/.test(m.to)))
  for (const kind of ["We have received your order", "Your Acronis service is ready"]) {
    const sent = buyerMails.filter((m) => m.subject.startsWith(kind))
    check(sent.length === ORDERS && new Set(sent.map((m) => m.to)).size === ORDERS, `one "${kind}" e-mail per buyer (got ${sent.length} to ${new Set(sent.map((m) => m.to)).size} buyers)`)
  }
  say(`orders: ${active.length} active, ${tenants.length} tenants, ${users.length} users, ${activations.length} activation e-mails`)

  // 2. One customer completes two pay-per-use carts at once: one pay-per-use subscription, whichever wins.
  const [twoCarts] = await shop.customers(1, "twocarts")
  const bothCarts = [await readyPayPerUseCart(shop, twoCarts, "twocarts1"), await readyPayPerUseCart(shop, twoCarts, "twocarts2")]
  const answers = await placeOrders(shop, bothCarts)
  const settled = await waitFor("the two carts' subscriptions to settle", 3 * 60_000, async () => {
    const mine = (await shop.subscriptions()).filter((s) => s.customer_id === twoCarts.id)
    return mine.length && mine.every((s) => ["active", "failed", "cancelled"].includes(s.status)) ? mine : null
  }).catch(async () => (await shop.subscriptions()).filter((s) => s.customer_id === twoCarts.id))
  const livePayPerUse = settled.filter((s) => s.type === "ppu" && s.status !== "cancelled")
  say(`two carts at once: answers ${answers.map((a) => a.type + (a.status ? ` ${a.status}` : "")).join(" and ")}; subscriptions ${JSON.stringify(countBy(settled, "status"))}`)
  check(livePayPerUse.length === 1, `one customer's two carts at once give exactly one pay-per-use subscription (got ${livePayPerUse.length})`)
  check(answers.some((a) => a.type === "order"), "one of the two carts becomes an order")

  // 3. The same month closed by several processes at once: one statement and one order per subscription.
  await closeFromSeveralProcesses(active)

  const mails = outbox()
  const twice = duplicatesOf(mails.map((m) => `${m.to} | ${m.subject}`))
  check(!twice.length, `no e-mail sent twice (${mails.length} sent; twice: ${twice.slice(0, 3).join("; ")})`)
} catch (error) {
  failures.push(error instanceof CheckFailed ? error.message : `${error.stack ?? error}`)
  console.log(`[multiprocess ${elapsed()}] FAILED: ${failures.at(-1)}`)
} finally {
  clearTimeout(timer)
  await cluster?.stop()
}

/**
 * The 50 subscriptions are moved back to have run all of last month, with 20 workstations on its last day (in
 * Medusa's synced usage and in Acronis), so last month is due and billable. Then two processes run the
 * monthly close job at the same moment (a barrier lines them up), staff ask for the same close on the server,
 * and the workers run the job every minute as well.
 */
async function closeFromSeveralProcesses(subscriptions) {
  const now = new Date()
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
  const period = first.toISOString().slice(0, 7)
  const day = (date) => date.toISOString().slice(0, 10)
  const ids = subscriptions.map((s) => s.id)
  await cluster.sql(
    `UPDATE acronis_subscription SET activated_at = $2, service_spans = $3::jsonb WHERE id = ANY($1)`,
    [ids, first.toISOString(), JSON.stringify([{ from: day(first), to: null }])]
  )
  for (const s of subscriptions) {
    await cluster.sql(
      `INSERT INTO acronis_usage_snapshot (id, subscription_id, tenant_id, offering_item, edition, infra_id, measurement_unit, day, value, absolute_value, synced_at)
       VALUES ($1, $2, $3, 'pw_base_workstations', 'pck_per_workload', '', 'quantity', $4, '20', '20', $5)`,
      [`acusage_mp_${s.id}`, s.id, s.tenant_id, day(last), `${day(last)}T23:00:00Z`]
    )
  }
  await shop.sandboxUsages(subscriptions.map((s) => ({ tenant_id: s.tenant_id, offering_item: "pw_base_workstations", edition: "pck_per_workload", date: day(last), value: 20 })))

  const barrier = join(runDir, "close-barrier")
  const closers = ["close-1", "close-2"].map((name) =>
    cluster.runMedusa(name, ["exec", "scripts/lib/monthly-close.ts"], { MULTIPROCESS_CLOSE_BARRIER: barrier, MULTIPROCESS_CLOSE_PROCESSES: "2" })
  )
  const staffClose = waitFor("two close processes at the barrier", 180_000, () => existsSync(barrier) && readdirSync(barrier).length >= 2, 20).then(() =>
    shop.api("POST", "/admin/acronis/billing/close", { headers: shop.admin, body: { period } })
  )
  const [closeResults, staff] = await Promise.all([Promise.allSettled(closers), staffClose.catch((error) => ({ error }))])
  check(closeResults.every((r) => r.status === "fulfilled"), `both close processes finish (${closeResults.filter((r) => r.status === "rejected").map((r) => r.reason.message).join("; ")})`)
  check(!staff.error, `staff's close of ${period} on the server answers (${staff.error?.message})`)

  const statements = await waitFor(`${ids.length} billed statements for ${period}`, 3 * 60_000, async () => {
    const rows = await cluster.sql(`SELECT subscription_id, status, total FROM acronis_statement WHERE period = $1 AND deleted_at IS NULL AND subscription_id = ANY($2)`, [period, ids])
    return rows.length >= ids.length && rows.every((r) => r.status === "billed") ? rows : null
  }).catch(() => cluster.sql(`SELECT subscription_id, status, total FROM acronis_statement WHERE period = $1 AND deleted_at IS NULL AND subscription_id = ANY($2)`, [period, ids]))
  const orders = await cluster.sql(
    `SELECT metadata->>'acronis_subscription_id' AS subscription_id FROM "order" WHERE metadata->>'acronis_period' = $1 AND deleted_at IS NULL`,
    [period]
  )
  const statementsPer = countBy(statements, "subscription_id")
  const ordersPer = countBy(orders, "subscription_id")
  say(`close of ${period}: ${statements.length} statements (${JSON.stringify(countBy(statements, "status"))}), ${orders.length} orders`)
  check(ids.every((id) => statementsPer[id] === 1), `one statement per subscription for ${period} (${statements.length} for ${ids.length}; more than one: ${Object.keys(statementsPer).filter((id) => statementsPer[id] > 1).length})`)
  check(statements.every((s) => s.status === "billed" && Number(s.total) > 0), `every statement billed with a positive total (${JSON.stringify(countBy(statements, "status"))})`)
  check(ids.every((id) => ordersPer[id] === 1), `one order per subscription for ${period} (${orders.length} for ${ids.length}; more than one: ${Object.keys(ordersPer).filter((id) => ordersPer[id] > 1).length})`)
}

/** The e-mails the nodemailer provider wrote to the outbox: recipient and subject (as encoded) of each. */
function outbox() {
  if (!existsSync(cluster.outboxDir)) return []
  return readdirSync(cluster.outboxDir)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => {
      const headers = readFileSync(join(cluster.outboxDir, name), "utf8").split(/\r?\n\r?\n/)[0]
      const header = (key) => headers.match(new RegExp(`^${key}: (.*)$`, "mi"))?.[1].trim() ?? ""
      return { to: header("To"), subject: header("Subject") }
    })
}

function countBy(rows, key) {
  return rows.reduce((counts, row) => ({ ...counts, [row[key]]: (counts[row[key]] ?? 0) + 1 }), {})
}

if (failures.length) {
  console.log(`[multiprocess] ${failures.length} check(s) failed; process logs in ${runDir}`)
  console.log(`${passed} passed, ${failures.length} failed`)
  process.exit(1)
}
console.log(`${passed} passed, 0 failed`)
