#!/usr/bin/env node
// `npm run bench:multiprocess`: 50 storefront checkouts completed at once on one server and two workers (shared
// PostgreSQL and Redis, one Acronis sandbox process), and the time until all 50 subscriptions are active,
// against its target. Not part of `npm test`: timings depend on the machine. Process logs go to
// .data/multiprocess-bench/. Needs what `npm run test:multiprocess` needs.
import { join } from "node:path"
import { root, startCluster } from "../scripts/lib/cluster.mjs"
import { createShop, mapLimit, placeOrders, readyPayPerUseCart, waitFor } from "../scripts/lib/storefront.mjs"

const ORDERS = 50
const TARGET_SECONDS = 60

const cluster = await startCluster({ workers: 2, runDir: join(root, ".data", "multiprocess-bench") })
let met = false
try {
  const shop = await createShop(cluster)
  const customers = await shop.customers(ORDERS, "bench")
  const carts = await mapLimit(customers, 10, (customer, i) => readyPayPerUseCart(shop, customer, `bench${i + 1}`))
  const ids = new Set(customers.map((c) => c.id))
  const started = Date.now()
  const answers = await placeOrders(shop, carts)
  if (!answers.every((a) => a.type === "order")) throw new Error("not every cart became an order")
  await waitFor(`${ORDERS} active subscriptions`, 10 * 60_000, async () => {
    const active = (await shop.subscriptions()).filter((s) => ids.has(s.customer_id) && s.status === "active")
    return active.length >= ORDERS || null
  })
  const seconds = (Date.now() - started) / 1000
  met = seconds <= TARGET_SECONDS
  console.log(`${ORDERS} concurrent checkouts, 1 server + 2 workers:`)
  console.log(`  time until all active ${seconds.toFixed(1)} s (target ≤ ${TARGET_SECONDS}; ratio ${(seconds / TARGET_SECONDS).toFixed(2)})`)
} finally {
  await cluster.stop()
}
console.log(met ? "target met" : "TARGET MISSED")
