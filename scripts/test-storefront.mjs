#!/usr/bin/env node
// `npm run test:storefront`: the example storefront (examples/storefront) in headless Chromium against this
// repository's host, as shoppers and resellers use it. One Medusa process (server and worker in one) on a fresh
// PostgreSQL database and Redis, one Acronis sandbox process, the demo catalogue seeded, the storefront built
// and started as in production. Screenshots of every page go to .data/test-storefront/ (emptied first),
// process logs to .data/test-storefront/logs/. `--only shopper` (or reseller) runs one journey.
import { spawn } from "node:child_process"
import { mkdirSync, openSync, readFileSync, rmSync } from "node:fs"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { CHROMIUM_ARGS, chromiumPath } from "./lib/admin-browser-check.mjs"
import { freePort, root, startCluster, stopAllClusters } from "./lib/cluster.mjs"
import { client, waitFor } from "./lib/storefront.mjs"
import { journeys } from "./lib/storefront-journeys/index.mjs"

const TIME_BOUND_MS = Number(process.env.STOREFRONT_TEST_TIME_BOUND_MS || 20 * 60_000)
const outDir = join(root, ".data", "test-storefront")
const logDir = join(outDir, "logs")
const storefrontDir = join(root, "examples", "storefront")
const nextBin = join(root, "node_modules", ".bin", "next")
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined

const started = Date.now()
const say = (line) => console.log(`[test:storefront ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`)

let storefront
let browser
const stopEverything = async () => {
  await browser?.close().catch(() => {})
  if (storefront && storefront.exitCode === null) {
    try {
      process.kill(-storefront.pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  await stopAllClusters()
}
const abort = async () => {
  await stopEverything()
  process.exit(1)
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, abort)
const parent = process.ppid
setInterval(() => process.ppid !== parent && abort(), 500).unref()
const timer = setTimeout(async () => {
  console.error(`[test:storefront] FAILED: the run took longer than ${TIME_BOUND_MS / 1000} s; logs in ${logDir}`)
  await abort()
}, TIME_BOUND_MS)

/** Runs `next <args>` in the example's folder, output to `logs/<name>.log`, in a process group of its own. */
function next(name, args, env) {
  const logFd = openSync(join(logDir, `${name}.log`), "a")
  return spawn(nextBin, args, { cwd: storefrontDir, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env }, detached: true, stdio: ["ignore", logFd, logFd] })
}

/** `(method, path, body?)` as JSON, with `headers` on every request. */
function jsonClient(base, headers = {}) {
  const request = client(base)
  return (method, path, body) => request(method, path, { body, headers })
}

let failed = false
try {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(logDir, { recursive: true })
  if (!chromiumPath || !(await import("node:fs")).existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath}`)

  const storefrontPort = await freePort()
  const storefrontUrl = `http://localhost:${storefrontPort}`
  say("building the example storefront")
  const build = next("next-build", ["build"], {})
  const built = new Promise((done) => build.on("exit", (code) => done(code)))

  const cluster = await startCluster({
    workers: 0,
    runDir: join(logDir, "host"),
    log: say,
    env: {
      STORE_CORS: storefrontUrl,
      AUTH_CORS: storefrontUrl,
      ACRONIS_PROVISIONING_RETRY_DELAY_MS: "200",
      LOG_LEVEL: process.env.STOREFRONT_TEST_LOG_LEVEL || "info",
    },
  })
  await cluster.runMedusa("seed", ["exec", "./src/scripts/seed-demo.ts"])
  const publishableKey = readFileSync(join(cluster.runDir, "seed.log"), "utf8").match(/Publishable API key for the storefront: (pk_\w+)/)?.[1]
  if (!publishableKey) throw new Error(`the demo seed printed no publishable key; see ${cluster.runDir}/seed.log`)
  say("demo catalogue seeded")

  if ((await built) !== 0) throw new Error(`next build failed; see ${logDir}/next-build.log`)
  say("storefront built")
  storefront = next("next-start", ["start", "--port", String(storefrontPort)], {
    MEDUSA_BACKEND_URL: cluster.server.url,
    MEDUSA_PUBLISHABLE_KEY: publishableKey,
  })
  await waitFor("the storefront to answer", 60_000, () => fetch(storefrontUrl).then((r) => r.ok, () => false), 250)
  say(`storefront on ${storefrontUrl}, backend on ${cluster.server.url}`)

  const { token } = await jsonClient(cluster.server.url)("POST", "/auth/user/emailpass", {
    email: cluster.adminEmail,
    password: cluster.adminPassword,
  })
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
  let shot = 0
  const openPages = new Set()
  const ctx = {
    browser,
    storefrontUrl,
    backendUrl: cluster.server.url,
    admin: jsonClient(cluster.server.url, { authorization: `Bearer ${token}` }),
    sandbox: jsonClient(`${cluster.sandboxUrl}/__sandbox`),
    log: say,
    waitFor,
    /** Runs the usage sync job once, now, in a process of its own (the job's own code, not its schedule). */
    syncUsage: () => cluster.runMedusa("usage-sync", ["exec", "scripts/lib/usage-sync.ts"]),
    /** A page in a browser context of its own (its own localStorage: its own customer and cart). */
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
      const page = await context.newPage()
      openPages.add(page)
      page.on("close", () => openPages.delete(page))
      page.setDefaultTimeout(20_000)
      page.on("pageerror", (error) => say(`page error on ${page.url()}: ${error.message}`))
      return page
    },
    /** A full-page screenshot, numbered in the order taken. */
    async snap(page, name) {
      shot += 1
      const file = join(outDir, `${String(shot).padStart(2, "0")}-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
  }

  for (const journey of journeys) {
    if (only && journey.group !== only) continue
    const begun = Date.now()
    try {
      await journey.run(ctx)
      say(`passed: ${journey.title} (${((Date.now() - begun) / 1000).toFixed(0)} s)`)
    } catch (error) {
      failed = true
      say(`FAILED: ${journey.title}: ${error.stack ?? error.message}`)
      // What the browser showed when it failed, then a clean slate for the next journey.
      for (const page of [...openPages]) {
        const file = await ctx.snap(page, "failure").catch(() => null)
        if (file) say(`  the page at ${page.url()} is in ${file}`)
        await page.context().close().catch(() => {})
      }
    }
  }
  say(`screenshots in ${outDir}`)
} catch (error) {
  failed = true
  console.error(`[test:storefront] FAILED: ${error.message}`)
} finally {
  clearTimeout(timer)
  await stopEverything()
}
process.exit(failed ? 1 : 0)
