#!/usr/bin/env node
// `npm test`: unit, module and HTTP suites in turn. Uses the PostgreSQL at DB_HOST/DB_PORT when one answers,
// otherwise an embedded one started for this run. `npm test -- unit` (or modules, http) runs one layer.
import { acquireTestPostgres } from "./lib/postgres.mjs"
import { run } from "./lib/run.mjs"

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

const needsDatabase = selected.some((name) => name !== "unit")
const database = needsDatabase ? await acquireTestPostgres() : undefined

const env = {
  ...process.env,
  ...(database && {
    DB_HOST: database.host,
    DB_PORT: String(database.port),
    DB_USERNAME: database.user,
    DB_PASSWORD: database.password,
  }),
  LOG_LEVEL: process.env.LOG_LEVEL || "error",
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
}
delete env.DATABASE_URL

let failed = false
try {
  for (const name of selected) {
    console.log(`\n=== ${name} tests ===`)
    const jest = await run(
      process.execPath,
      ["node_modules/jest/bin/jest.js", "--runInBand", "--forceExit", "--silent=false", ...extraJestArgs],
      { env: { ...env, TEST_TYPE: layers[name] } }
    )
    // Every layer runs, so one red layer does not hide the state of the others.
    failed ||= jest.status !== 0
  }
} finally {
  await database?.release()
}
process.exit(failed ? 1 : 0)
