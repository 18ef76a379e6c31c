#!/usr/bin/env node
// `npm test`: unit, module and HTTP suites in turn. Uses the PostgreSQL at DB_HOST/DB_PORT when one answers,
// otherwise an embedded one started for this run. `npm test -- unit` (or modules, http) runs one layer.
import { spawnSync } from "node:child_process"
import { chmodSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { freePort, postgresAnswers, startEmbeddedPostgres } from "./lib/postgres.mjs"

const layers = {
  unit: "unit",
  modules: "integration:modules",
  http: "integration:http",
}
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"))
const extraJestArgs = process.argv.slice(2).filter((arg) => arg.startsWith("-"))
const selected = requested.length ? requested : Object.keys(layers)
for (const name of selected) {
  if (!layers[name]) {
    console.error(`Unknown test layer "${name}". Use one of: ${Object.keys(layers).join(", ")}.`)
    process.exit(2)
  }
}

// With 127.0.0.1 Medusa's test runner asks for SSL and hangs against a local server.
const host = !process.env.DB_HOST || process.env.DB_HOST === "127.0.0.1" ? "localhost" : process.env.DB_HOST
const database = {
  host,
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}

let embedded
const needsDatabase = selected.some((name) => name !== "unit")
if (needsDatabase && !(await postgresAnswers(database))) {
  const runDir = mkdtempSync(join(tmpdir(), "acronis-test-pg-"))
  // Run as root, PostgreSQL runs as its own system user, which must be able to reach the data folder.
  chmodSync(runDir, 0o755)
  const dataDir = join(runDir, "data")
  const port = await freePort()
  console.log(`No PostgreSQL answers at ${database.host}:${database.port}; starting an embedded one on port ${port}.`)
  embedded = await startEmbeddedPostgres({ dataDir, port, password: "postgres", persistent: false })
  Object.assign(database, { host: embedded.host, port, user: embedded.user, password: embedded.password })
  embedded.runDir = runDir
}

const env = {
  ...process.env,
  DB_HOST: database.host,
  DB_PORT: String(database.port),
  DB_USERNAME: database.user,
  DB_PASSWORD: database.password,
  LOG_LEVEL: process.env.LOG_LEVEL || "error",
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
}
delete env.DATABASE_URL

let failed = false
try {
  for (const name of selected) {
    console.log(`\n=== ${name} tests ===`)
    const jest = spawnSync(
      process.execPath,
      ["node_modules/jest/bin/jest.js", "--runInBand", "--forceExit", "--silent=false", ...extraJestArgs],
      { stdio: "inherit", env: { ...env, TEST_TYPE: layers[name] } }
    )
    if (jest.status !== 0) {
      failed = true
      break
    }
  }
} finally {
  if (embedded) {
    await embedded.stop().catch(() => {})
    rmSync(embedded.runDir, { recursive: true, force: true })
  }
}
process.exit(failed ? 1 : 0)
