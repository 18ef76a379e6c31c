#!/usr/bin/env node
// `npm run test:multiprocess`: the plugin deployed as in production — one Medusa server and two workers on
// a fresh PostgreSQL database and Redis, one Acronis sandbox process — driven over HTTP as a storefront and
// staff would. Process logs go to .data/multiprocess/; this prints a short summary and exits non-zero on the
// first failed check. Needs PostgreSQL (DB_HOST, DB_USERNAME, DB_PASSWORD) and Redis (REDIS_URL, default
// redis://127.0.0.1:6379).
import { join } from "node:path"
import { root, startCluster } from "./lib/cluster.mjs"
import { createShop, placeOrders, readyPayPerUseCart, waitFor } from "./lib/storefront.mjs"

const TIME_BOUND_MS = Number(process.env.MULTIPROCESS_TIME_BOUND_MS || 20 * 60_000)
const ORDERS = 50
const runDir = join(root, ".data", "multiprocess")
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`
const say = (message) => console.log(`[multiprocess ${elapsed()}] ${message}`)

class CheckFailed extends Error {}
const failures = []
/** A failed check is recorded and the run goes on to the next scenario; the exit code reports it. */
function check(condition, message) {
  if (condition) return true
  failures.push(message)
  console.log(`[multiprocess ${elapsed()}] FAILED: ${message}`)
  return false
}
function require_(condition, message) {
  if (!condition) throw new CheckFailed(message)
}

const duplicatesOf = (values) => values.filter((value, index) => values.indexOf(value) !== index)

let cluster
const timer = setTimeout(async () => {
  console.error(`[multiprocess] FAILED: the run took longer than ${TIME_BOUND_MS / 1000} s; logs in ${runDir}`)
  await cluster?.stop()
  process.exit(1)
}, TIME_BOUND_MS)
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await cluster?.stop()
    process.exit(1)
  })
}

try {
  cluster = await startCluster({
    workers: 2,
    runDir,
    log: say,
    env: {
      // Short client budgets: a worker killed mid-call must not leave the others waiting on production timeouts.
      ACRONIS_TIMEOUT_MS: "5000",
      ACRONIS_PROVISIONING_RETRY_DELAY_MS: "200",
      // Recovery picks up what a killed worker left, every minute instead of every ten.
      ACRONIS_RECOVERY_SCHEDULE: "* * * * *",
      ACRONIS_PROVISIONING_STALE_AFTER_MS: "20000",
    },
  })
  const shop = await createShop(cluster)
  say(`shop ready: admin, region, pay-per-use product, ${ORDERS} customers`)

  // 1. Fifty storefront orders at once; one worker is SIGKILLed while it provisions, then restarted.
  const customers = await shop.customers(ORDERS, "buyer")
  const carts = await Promise.all(customers.map((customer, i) => readyPayPerUseCart(shop, customer, `buyer${i + 1}`)))
  const placedAt = Date.now()
  const completions = await placeOrders(shop, carts)
  require_(
    completions.every((answer) => answer.type === "order"),
    `every cart completes into an order (got ${JSON.stringify(completions.filter((a) => a.type !== "order").slice(0, 3))})`
  )
  const customerIds = new Set(customers.map((c) => c.id))
  const subscriptionsOfBuyers = async () => (await shop.subscriptions()).filter((s) => customerIds.has(s.customer_id))

  // Kill worker-1 once Acronis has tenants being made for these orders and the work is not done.
  const underWay = await waitFor("provisioning to start", 120_000, async () => {
    const state = await shop.sandboxState()
    const made = state.tenants.filter((t) => t.id !== state.root_tenant_id).length
    return made > 0 && made < ORDERS ? made : null
  })
  const victim = cluster.workers[0]
  victim.kill("SIGKILL")
  await victim.exited
  const activeAtKill = (await subscriptionsOfBuyers()).filter((s) => s.status === "active").length
  say(`SIGKILLed ${victim.name} with ${underWay} tenant(s) made in Acronis, ${activeAtKill}/${ORDERS} subscriptions active`)
  require_(activeAtKill < ORDERS, "worker-1 was killed before every subscription was active (nothing was in flight)")
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
  const activations = (await shop.sandboxEmails()).filter((e) => users.some((u) => u.id === e.user_id) || customers.some((c) => e.login?.startsWith("buyer")))
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
  say(`orders: ${active.length} active, ${tenants.length} tenants, ${users.length} users, ${activations.length} activation e-mails`)
} catch (error) {
  failures.push(error instanceof CheckFailed ? error.message : `${error.stack ?? error}`)
  console.log(`[multiprocess ${elapsed()}] FAILED: ${failures.at(-1)}`)
} finally {
  clearTimeout(timer)
  await cluster?.stop()
}

function countBy(rows, key) {
  return rows.reduce((counts, row) => ({ ...counts, [row[key]]: (counts[row[key]] ?? 0) + 1 }), {})
}

if (failures.length) {
  console.log(`[multiprocess] ${failures.length} check(s) failed; process logs in ${runDir}`)
  console.log(`0 passed, ${failures.length} failed`)
  process.exit(1)
}
console.log("[multiprocess] all checks passed")
