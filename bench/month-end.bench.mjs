#!/usr/bin/env node
// The month-end end to end: the monthly close and the usage sync through the app's workflows and a fresh
// PostgreSQL database, against the Acronis sandbox served from this process (the app is another process).
//   node bench/month-end.bench.mjs [--subscriptions 1000] [--tenants 10000] [--latency-ms 50] [--only close|sync]
// Needs PostgreSQL on DB_HOST (default localhost):5432 as DB_USERNAME (default postgres). Each figure is
// printed with its target as a ratio (figure / target; ≤ 1 meets it). A close of fewer than 10,000
// subscriptions is also extrapolated linearly to 10,000, which the per-subscription figures support only
// while they stay flat: compare two sizes before trusting it.
import { createRequire } from "node:module"
import { join, resolve } from "node:path"
import { parseArgs } from "node:util"
import { run } from "../scripts/lib/run.mjs"

const require = createRequire(import.meta.url)
require("ts-node").register({ transpileOnly: true, swc: false, compilerOptions: { module: "commonjs", moduleResolution: "node" } })
const { startAcronisSandbox } = require("../src/sandbox/index.ts")
const pg = require("pg")

const TARGETS = {
  closeSecondsAt10000: 60,
  closePeakRssMb: 600,
  syncSecondsAt10000: 300,
  // Acronis calls within 1.2× the fewest the API's batch limit (100 tenants per usage request) allows.
  syncCallsRatio: 1.2,
}
const TENANTS_PER_USAGE_REQUEST = 100

const { values } = parseArgs({
  options: {
    subscriptions: { type: "string", default: "1000" },
    tenants: { type: "string", default: "10000" },
    "latency-ms": { type: "string", default: "50" },
    only: { type: "string" },
  },
})
const root = resolve(import.meta.dirname, "..")
const medusa = join(root, "node_modules", ".bin", "medusa")
const login = { host: process.env.DB_HOST || "localhost", port: Number(process.env.DB_PORT || 5432), user: process.env.DB_USERNAME || "postgres", password: process.env.DB_PASSWORD || undefined }

const ratio = (figure, target) => `${figure} (target ${target}; ratio ${(figure / target).toFixed(2)})`

async function withDatabase(name, body) {
  const admin = new pg.Client({ ...login, database: "postgres" })
  await admin.connect()
  await admin.query(`drop database if exists "${name}"`)
  await admin.query(`create database "${name}"`)
  try {
    return await body(`postgres://${login.user}${login.password ? `:${encodeURIComponent(login.password)}` : ""}@${login.host}:${login.port}/${name}`)
  } finally {
    await admin.query(`drop database if exists "${name}" with (force)`)
    await admin.end()
  }
}

async function medusaApp(databaseUrl, sandbox) {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ACRONIS_MODE: "live",
    ACRONIS_DATACENTER_URL: sandbox.url,
    ACRONIS_CLIENT_ID: sandbox.clientId,
    ACRONIS_CLIENT_SECRET: sandbox.clientSecret,
    MEDUSA_ADMIN_DISABLED: "true",
    LOG_LEVEL: process.env.LOG_LEVEL || "error",
  }
  const exec = async (...args) => {
    const { status, stdout } = await run(medusa, args, { cwd: root, env, capture: true })
    const figures = stdout.split("\n").filter((l) => l.startsWith("BENCH ")).map((l) => JSON.parse(l.slice(6)))
    if (status !== 0 || !figures.length) throw new Error(`medusa ${args.join(" ")} failed (${status}):\n${stdout.slice(-4000)}`)
    return figures.at(-1)
  }
  if ((await run(medusa, ["db:migrate"], { cwd: root, env, capture: true })).status !== 0) throw new Error("migrations failed")
  return { exec: (...args) => exec("exec", "./bench/month-end.exec.ts", ...args) }
}

async function benchClose(sandbox) {
  const n = Number(values.subscriptions)
  return withDatabase(`acronis_bench_close_${process.pid}`, async (url) => {
    const app = await medusaApp(url, sandbox)
    await app.exec("seed-close", String(n))
    const close = await app.exec("close")
    const at10000 = (close.seconds / n) * 10000
    console.log(`monthly close: ${n} pay-per-use subscriptions, a month of daily usage each`)
    console.log(`  ${close.closed} closed, ${close.billed} billed, ${close.on_hold} on hold, ${close.failed} failed${close.first_failure ? ` (${close.first_failure})` : ""}`)
    console.log(`  ${close.seconds.toFixed(1)} s, ${((close.seconds * 1000) / n).toFixed(1)} ms and ${(close.queries / n).toFixed(1)} SQL queries per subscription`)
    console.log(`  seconds for 10,000${n === 10000 ? "" : " (extrapolated)"}: ${ratio(Math.round(at10000), TARGETS.closeSecondsAt10000)}`)
    console.log(`  peak RSS of the app, MB: ${ratio(close.peak_rss_mb, TARGETS.closePeakRssMb)}`)
    return close.failed === 0 && close.billed === n && at10000 <= TARGETS.closeSecondsAt10000 && close.peak_rss_mb <= TARGETS.closePeakRssMb
  })
}

async function benchSync(sandbox) {
  const n = Number(values.tenants)
  const latency = Number(values["latency-ms"])
  const control = (path, init) => fetch(`${sandbox.url}/__sandbox${path}`, init)
  return withDatabase(`acronis_bench_sync_${process.pid}`, async (url) => {
    const app = await medusaApp(url, sandbox)
    await app.exec("seed-sync", String(n))
    await control("/requests", { method: "DELETE" })
    await control("/latency", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ms: latency }) })
    const sync = await app.exec("sync")
    await control("/latency", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ ms: 0 }) })
    const calls = (await (await control("/requests")).json()).items.filter((r) => r.path.startsWith("/api/"))
    const usageCalls = calls.filter((r) => r.path.endsWith("/usages")).length
    // The fewest: one usage request per 100 tenants, and the token the client needs first.
    const fewest = Math.ceil(n / TENANTS_PER_USAGE_REQUEST) + 1
    const at10000 = (sync.seconds / n) * 10000
    console.log(`usage sync: ${n} tenants, ${latency} ms added to every Acronis answer`)
    console.log(`  ${sync.synced} synced in ${sync.seconds.toFixed(1)} s; ${(sync.queries / n).toFixed(2)} SQL queries per tenant`)
    console.log(`  seconds for 10,000${n === 10000 ? "" : " (extrapolated)"}: ${ratio(Math.round(at10000), TARGETS.syncSecondsAt10000)}`)
    console.log(`  Acronis calls: ${calls.length} (${usageCalls} usage requests); against the fewest (${fewest}): ${ratio(+(calls.length / fewest).toFixed(2), TARGETS.syncCallsRatio)}`)
    return sync.synced === n && at10000 <= TARGETS.syncSecondsAt10000 && calls.length / fewest <= TARGETS.syncCallsRatio
  })
}

const sandbox = await startAcronisSandbox()
let met = true
try {
  if (values.only !== "sync") met = (await benchClose(sandbox)) && met
  if (values.only !== "close") met = (await benchSync(sandbox)) && met
} finally {
  await sandbox.stop()
}
console.log(met ? "month-end: all targets met" : "month-end: TARGET MISSED")
process.exit(met ? 0 : 1)
