/**
 * `npm run bench:provisioning`: the Acronis side of provisioning one order, against the sandbox with 100 ms
 * added to every API call and 10,000 customers already under the root (the production figures).
 * Not part of `npm test`: timings depend on the machine.
 *
 * It drives the functions the provisioning workflow's steps call, in the workflow's order — find or create
 * the tenant; then items, pricing and the admin user at once; then the activation e-mail — with the client
 * the module uses. Medusa's own step bookkeeping (database writes, the lock) is not included.
 *
 * Floor: the five calls that need each other's answers (search, create tenant, create user, set its role,
 * activation e-mail) × the added latency. Target: at most 1.2 × the floor.
 */
import { AcronisClient } from "../src/lib/acronis"
import { mapBounded } from "../src/lib/concurrency"
import { startAcronisSandbox, type RunningAcronisSandbox } from "../src/sandbox"
import { configureTenantOfferingItems } from "../src/workflows/acronis-provisioning/steps/configure-tenant-offering-items"
import { setTenantPricingMode } from "../src/workflows/acronis-provisioning/steps/set-tenant-pricing-mode"
import { createAcronisUsers } from "../src/workflows/acronis/steps/create-acronis-users"
import { findOrCreateChildTenant } from "../src/workflows/acronis/steps/find-or-create-tenant"
import { sendActivationEmails } from "../src/workflows/acronis/steps/send-activation-emails"

const LATENCY_MS = 100
const EXISTING_CUSTOMERS = 10_000
const DEPENDENT_CALLS = 5
const TARGET_FACTOR = 1.2
const MEASURED_ORDERS = 5
const ORDERS_AT_ONCE = 20

async function control(sandbox: RunningAcronisSandbox, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status >= 300) throw new Error(`sandbox ${method} ${path} → ${res.status}`)
}

/** One pay-per-use order for a direct customer, as `provisionAcronisSubscriptionWorkflow` runs it in Acronis. */
async function provision(client: AcronisClient, rootTenantId: string, n: number): Promise<void> {
  const reference = `cus_bench_${n}`
  const { tenant } = await findOrCreateChildTenant(client, {
    parent_tenant_id: rootTenantId,
    kind: "customer",
    name: `Bench Order ${n}`,
    reference_id: reference,
    contact: { email: `buyer${n}@bench.test`, firstname: "Bea", lastname: `Buyer${n}` },
  })
  // take-over-tenant reads nothing in Acronis for a tenant this run created.
  const [, , created] = await Promise.all([
    configureTenantOfferingItems(client, rootTenantId, {
      tenant_id: tenant.id,
      parent_tenant_id: rootTenantId,
      tenant_kind: "customer",
      services: ["protection", "file_sync_share", "physical_data_shipping", "notary"],
      editions: ["pck_per_gigabyte", "fss_per_user"],
    }),
    setTenantPricingMode(client, tenant.id, "production"),
    createAcronisUsers(client, {
      tenant_id: tenant.id,
      users: [{ email: `buyer${n}@bench.test`, login: `bench-login-${n}`, first_name: "Bea", last_name: `Buyer${n}`, reference_id: reference }],
      role_ids: ["company_admin"],
      send_activation_email: false,
      delete_on_compensation: false,
    }),
  ])
  const [user] = await sendActivationEmails(client, { users: created.users })
  if (!user.activation_email_sent) throw new Error(`order ${n}: no activation e-mail`)
}

async function main() {
  const sandbox = await startAcronisSandbox()
  try {
    const client = new AcronisClient({ baseUrl: sandbox.url, clientId: sandbox.clientId, clientSecret: sandbox.clientSecret })
    await mapBounded(Array.from({ length: EXISTING_CUSTOMERS }, (_, i) => i), 16, (i) =>
      client.tenants.create({ name: `Existing Customer ${i}`, kind: "customer", parent_id: sandbox.rootTenantId, customer_id: `cus_existing_${i}` })
    )
    await control(sandbox, "PUT", "/latency", { ms: LATENCY_MS })
    // The first order pays for the token and the cached services and offering, as the first order after a start does.
    await provision(client, sandbox.rootTenantId, 0)

    const times: number[] = []
    for (let n = 1; n <= MEASURED_ORDERS; n++) {
      const started = process.hrtime.bigint()
      await provision(client, sandbox.rootTenantId, n)
      times.push(Number(process.hrtime.bigint() - started) / 1e6)
    }
    const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]
    const floor = DEPENDENT_CALLS * LATENCY_MS
    const target = TARGET_FACTOR * floor
    console.log(`provisioning: ${EXISTING_CUSTOMERS} customers under the root, ${LATENCY_MS} ms added per Acronis call`)
    console.log(`  one order: median ${median.toFixed(0)} ms of ${times.map((t) => t.toFixed(0)).join(", ")}`)
    console.log(`  floor ${floor} ms (${DEPENDENT_CALLS} dependent calls × ${LATENCY_MS} ms); ratio to floor ${(median / floor).toFixed(2)}`)
    console.log(`  target ≤ ${target} ms (${TARGET_FACTOR} × floor); ratio ${(median / target).toFixed(2)}`)

    const started = process.hrtime.bigint()
    await Promise.all(Array.from({ length: ORDERS_AT_ONCE }, (_, i) => provision(client, sandbox.rootTenantId, 100 + i)))
    const together = Number(process.hrtime.bigint() - started) / 1e6
    console.log(`  ${ORDERS_AT_ONCE} orders at once: all done in ${together.toFixed(0)} ms (${(together / target).toFixed(2)} × the one-order target)`)

    const met = median <= target
    console.log(met ? "target met" : "TARGET MISSED")
    process.exitCode = met ? 0 : 1
  } finally {
    await sandbox.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
