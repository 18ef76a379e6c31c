/**
 * `npm run bench`: figures for the two hot paths of a month-end, with the targets they are held to.
 * Not part of `npm test`: timings depend on the machine.
 *
 * 1. Measuring a month of usage: 1,000 subscriptions × 12 offering items × 2 storages × 31 days of snapshots.
 * 2. The Acronis client against the sandbox: batched usage reads for 500 tenants, the sync's access pattern.
 */
import { measureUsage, type UsageSnapshotInput } from "../src/modules/acronis-billing/domain/quantities"
import { AcronisClient } from "../src/lib/acronis"
import { startAcronisSandbox } from "../src/sandbox"

const TARGETS = { msPerSubscription: 5, heapMbPer1000Subscriptions: 200, tenantsPerSecond: 200 }

function monthOfSnapshots(subscription: number): UsageSnapshotInput[] {
  const snapshots: UsageSnapshotInput[] = []
  for (let item = 0; item < 12; item++) {
    for (let infra = 0; infra < 2; infra++) {
      for (let day = 1; day <= 31; day++) {
        const value = String(BigInt(day * (item + 1)) * 1073741824n + BigInt(subscription))
        snapshots.push({
          id: `s${subscription}-${item}-${infra}-${day}`,
          offering_item: item === 0 ? "pw_base_adv_dr_compute_points" : `item_${item}`,
          infra_id: `infra-${infra}`,
          measurement_unit: item === 0 ? "seconds" : item < 6 ? "bytes" : "quantity",
          day: `2026-10-${String(day).padStart(2, "0")}`,
          value,
          absolute_value: value,
        })
      }
    }
  }
  return snapshots
}

function benchMeasuring() {
  const subscriptions = 1000
  const inputs = Array.from({ length: subscriptions }, (_, i) => monthOfSnapshots(i))
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const started = process.hrtime.bigint()
  let lines = 0
  for (const snapshots of inputs) {
    lines += measureUsage(snapshots, { from: "2026-10-01", to: "2026-10-31" }, "peak").length
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024
  const perSubscription = ms / subscriptions
  console.log(`measuring: ${subscriptions} subscriptions, ${lines} lines in ${ms.toFixed(0)} ms`)
  console.log(`  ${perSubscription.toFixed(3)} ms per subscription (target ≤ ${TARGETS.msPerSubscription}; ratio ${(perSubscription / TARGETS.msPerSubscription).toFixed(2)})`)
  console.log(`  heap growth ${heapMb.toFixed(1)} MB (target ≤ ${TARGETS.heapMbPer1000Subscriptions}; ratio ${(heapMb / TARGETS.heapMbPer1000Subscriptions).toFixed(2)})`)
  return perSubscription <= TARGETS.msPerSubscription && heapMb <= TARGETS.heapMbPer1000Subscriptions
}

async function benchClient() {
  const sandbox = await startAcronisSandbox()
  try {
    const client = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret })
    const tenants: string[] = []
    for (let i = 0; i < 500; i++) {
      tenants.push((await client.tenants.create({ name: `Bench ${i}`, kind: "customer", parent_id: sandbox.rootTenantId })).id)
    }
    const started = process.hrtime.bigint()
    const usages = await client.usages.listForTenants(tenants)
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const perSecond = tenants.length / seconds
    console.log(`client: usage of ${usages.length} tenants read in ${(seconds * 1000).toFixed(0)} ms`)
    console.log(`  ${perSecond.toFixed(0)} tenants/s (target ≥ ${TARGETS.tenantsPerSecond}; ratio ${(perSecond / TARGETS.tenantsPerSecond).toFixed(2)})`)
    return perSecond >= TARGETS.tenantsPerSecond
  } finally {
    await sandbox.stop()
  }
}

async function main() {
  const measured = benchMeasuring()
  const read = await benchClient()
  console.log(measured && read ? "all targets met" : "TARGET MISSED")
  process.exit(measured && read ? 0 : 1)
}

void main()
