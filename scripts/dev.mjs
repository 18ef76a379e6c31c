#!/usr/bin/env node
// `npm run dev` / `npm run demo`: the plugin in this repository's own Medusa host on port 9000. With no
// DATABASE_URL it runs an embedded PostgreSQL whose data lives in .data/ and survives restarts.
import { spawn, spawnSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { startEmbeddedPostgres } from "./lib/postgres.mjs"

const root = resolve(import.meta.dirname, "..")
const dataDir = join(root, ".data")
const statePath = join(dataDir, "dev.json")
const medusaBin = join(root, "node_modules", ".bin", "medusa")
mkdirSync(dataDir, { recursive: true })

// Local-only credentials for the embedded database and the first admin, made once and kept in .data/.
const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, "utf8")) : {}
state.postgresPassword ??= randomBytes(12).toString("hex")
state.adminEmail ??= "admin@acronis.local"
state.adminPassword ??= randomBytes(9).toString("base64url")
writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 })

const env = {
  ...process.env,
  ACRONIS_SANDBOX_STATE: process.env.ACRONIS_SANDBOX_STATE ?? join(dataDir, "acronis-sandbox.json"),
  NOTIFICATION_OUTBOX_DIR: process.env.NOTIFICATION_OUTBOX_DIR ?? join(dataDir, "outbox"),
}

let postgres
if (!env.DATABASE_URL) {
  const port = Number(process.env.EMBEDDED_PG_PORT || 54329)
  postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, "postgres"),
    port,
    password: state.postgresPassword,
    persistent: true,
  })
  await postgres.createDatabase("medusa_acronis")
  env.DATABASE_URL = `postgres://postgres:${state.postgresPassword}@localhost:${port}/medusa_acronis`
  console.log(`Embedded PostgreSQL on localhost:${port} (data in .data/postgres).`)
}

const run = (args) => spawnSync(medusaBin, args, { cwd: root, env, stdio: "inherit" })

if (run(["db:migrate"]).status !== 0) {
  await postgres?.stop()
  process.exit(1)
}

if (postgres && !state.adminCreated) {
  const created = run(["user", "-e", state.adminEmail, "-p", state.adminPassword])
  if (created.status === 0) {
    state.adminCreated = true
    writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 })
  }
}
if (state.adminCreated) {
  console.log(`\nAdmin: http://localhost:9000/app — log in as ${state.adminEmail} / ${state.adminPassword}\n`)
}

const medusa = spawn(medusaBin, ["develop"], { cwd: root, env, stdio: "inherit" })
let stopping = false
const stop = async (code) => {
  if (stopping) return
  stopping = true
  medusa.kill("SIGTERM")
  await postgres?.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))
medusa.on("exit", (code) => stop(code ?? 0))
