#!/usr/bin/env node
// `npm run test:install`: packs the plugin, installs the tarball into a freshly created Medusa 2.21.2 host app
// in a temporary folder, migrates and boots it, checks that the plugin answers there, and uses its admin pages
// in headless Chromium. This is how we know the plugin works in someone else's store, not only in this
// repository's own host.
import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import pg from "pg"
import { adminApi, checkAdminInBrowser } from "./lib/admin-browser-check.mjs"
import { acquireTestPostgres, freePort } from "./lib/postgres.mjs"
import { run } from "./lib/run.mjs"

const root = resolve(import.meta.dirname, "..")
const plugin = JSON.parse(readFileSync(join(root, "package.json"), "utf8"))
const medusaVersion = plugin.devDependencies["@medusajs/medusa"]
const keep = process.argv.includes("--keep")

const step = (title) => console.log(`\n[test:install] ${title}`)
const must = async (running, what) => {
  const result = await running
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status})`)
  return result
}

const hostDir = mkdtempSync(join(tmpdir(), "acronis-host-"))
// The provider's default outbox, relative to the host app (a dot folder, which `medusa develop` does not watch).
const outboxDir = join(hostDir, ".data", "outbox")
const database = await acquireTestPostgres()
const dbName = `acronis_host_${Date.now()}`
let server
let failure

try {
  step("building and packing the plugin")
  await must(run("npm", ["run", "build"], { cwd: root }), "medusa plugin:build")
  const packed = await must(run("npm", ["pack", "--json", "--pack-destination", hostDir], { cwd: root, capture: true }), "npm pack")
  const [{ filename, files }] = JSON.parse(packed.stdout)
  const shipped = files.map((f) => f.path)
  for (const forbidden of [/medusa-config\.js$/, /__tests__/, /integration-tests/, /\/bench\//]) {
    const leaked = shipped.find((path) => forbidden.test(path))
    if (leaked) throw new Error(`the tarball ships ${leaked}, which is not part of the plugin`)
  }
  // Every entry of package.json's "exports" that names a file must ship it (the storefront's client and components).
  const exported = Object.values(plugin.exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)))
  for (const target of exported.filter((path) => !path.includes("*"))) {
    if (!shipped.includes(target.replace(/^\.\//, ""))) throw new Error(`package.json exports ${target}, which the tarball does not ship`)
  }

  step(`creating a Medusa ${medusaVersion} host app in ${hostDir}`)
  writeFileSync(
    join(hostDir, "package.json"),
    JSON.stringify(
      {
        name: "acronis-host-app",
        private: true,
        version: "0.0.0",
        scripts: {},
        dependencies: {
          "@medusajs/admin-sdk": medusaVersion,
          "@medusajs/cli": medusaVersion,
          "@medusajs/framework": medusaVersion,
          "@medusajs/medusa": medusaVersion,
          "medusa-plugin-acronis": `file:./${filename}`,
        },
        devDependencies: {
          "@swc/core": plugin.devDependencies["@swc/core"],
          "@types/node": plugin.devDependencies["@types/node"],
          "ts-node": plugin.devDependencies["ts-node"],
          typescript: plugin.devDependencies.typescript,
        },
      },
      null,
      2
    )
  )
  writeFileSync(
    join(hostDir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2021",
        module: "Node16",
        moduleResolution: "Node16",
        esModuleInterop: true,
        skipLibCheck: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    })
  )
  writeFileSync(
    join(hostDir, "medusa-config.ts"),
    `import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { storeCors: "*", adminCors: "*", authCors: "*", jwtSecret: "host-secret", cookieSecret: "host-secret" },
  },
  plugins: [{ resolve: "medusa-plugin-acronis", options: { shopName: "Host Shop", sandbox: { controlApi: true } } }],
  // As the README's "E-mail" section tells merchants to.
  modules: [
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed"] } },
          {
            resolve: "medusa-plugin-acronis/providers/nodemailer",
            id: "nodemailer",
            options: { channels: ["email"], from: "Host Shop <shop@host.test>" },
          },
        ],
      },
    },
  ],
})
`
  )
  await must(
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: hostDir }),
    "npm install in the host app"
  )

  step("creating the host's database and running its migrations")
  const admin = new pg.Client({ ...database, database: "postgres" })
  await admin.connect()
  await admin.query(`create database ${dbName}`)
  await admin.end()
  const password = database.password ? `:${encodeURIComponent(database.password)}` : ""
  const port = await freePort()
  const env = {
    ...process.env,
    DATABASE_URL: `postgres://${database.user}${password}@${database.host}:${database.port}/${dbName}`,
    PORT: String(port),
    NODE_ENV: "development",
  }
  const medusa = join(hostDir, "node_modules", ".bin", "medusa")
  await must(run(medusa, ["db:migrate"], { cwd: hostDir, env }), "medusa db:migrate")
  await must(
    run(medusa, ["user", "-e", "host-admin@acronis.test", "-p", "host-admin-password"], { cwd: hostDir, env }),
    "medusa user"
  )

  step(`booting the host app on port ${port}`)
  server = spawn(medusa, ["develop"], { cwd: hostDir, env, stdio: "inherit", detached: true })
  const base = `http://localhost:${port}`
  const deadline = Date.now() + 180_000
  while (!(await fetch(`${base}/health`).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > deadline) throw new Error("the host app did not answer /health within 180 s")
    if (server.exitCode !== null) throw new Error(`the host app exited with code ${server.exitCode}`)
    await new Promise((r) => setTimeout(r, 1000))
  }

  step("calling the plugin's admin route in the host app")
  const api = await adminApi(base, "host-admin@acronis.test", "host-admin-password")
  const body = await api("GET", "/admin/acronis/status")
  if (body.status?.plugin?.version !== plugin.version || body.status?.mode !== "sandbox") {
    throw new Error(`unexpected status from the installed plugin: ${JSON.stringify(body)}`)
  }
  console.log(`[test:install] the installed plugin answered: ${JSON.stringify(body.status)}`)

  step("using the plugin's admin pages in Chromium")
  const hostDb = new pg.Client({ ...database, database: dbName })
  await hostDb.connect()
  const screenshotsDir = join(root, ".data", "test-install")
  // Only this run's pictures: a page that is no longer visited leaves none behind.
  rmSync(screenshotsDir, { recursive: true, force: true })
  const { customer } = await checkAdminInBrowser({
    base,
    api,
    sandboxUrl: body.status.datacenter_url,
    db: async (sql, params) => (await hostDb.query(sql, params)).rows,
    screenshotsDir,
    log: (line) => console.log(`[test:install] ${line}`),
  }).finally(() => hostDb.end())

  step("finding the customer's e-mail in the host's outbox (the plugin's nodemailer provider)")
  const mail = await waitForMail(outboxDir, customer.email, "Your Acronis service is ready")
  console.log(`[test:install] ${mail}`)
  // The plan's order form sent the credentials to the account manager: the admin who placed the order.
  const credentials = await waitForMail(outboxDir, api.login.email, "admin.contoso.com")
  console.log(`[test:install] the plan's login went to the account manager: ${credentials}`)
} catch (error) {
  failure = error
} finally {
  if (server && server.exitCode === null) {
    // develop runs the server in a child process of its own: end the whole group.
    try {
      process.kill(-server.pid, "SIGTERM")
    } catch {}
    await new Promise((r) => setTimeout(r, 1500))
  }
  const admin = new pg.Client({ ...database, database: "postgres" })
  await admin.connect().then(
    async () => {
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => {})
      await admin.end()
    },
    () => {}
  )
  await database.release()
  if (!keep) rmSync(hostDir, { recursive: true, force: true })
}

/** The name of the first .eml in `dir` addressed to `to` whose text holds `subject`, within 30 s. */
async function waitForMail(dir, to, subject) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith(".eml")) : []
    const found = files.find((file) => {
      const text = readFileSync(join(dir, file), "utf8")
      return text.includes(to) && text.includes(subject)
    })
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no "${subject}" e-mail to ${to} in ${dir} (files: ${files.join(", ") || "none"})`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

if (failure) {
  console.error(`\n[test:install] FAILED: ${failure.message}`)
  process.exit(1)
}
console.log("\n[test:install] passed: the packed plugin installs, migrates, boots, answers and works in the admin")
