#!/usr/bin/env node
// `npm run demo`: `npm run dev` (the plugin in this repository's host, the embedded PostgreSQL when no
// DATABASE_URL is set, the Acronis sandbox) with the demo catalogue seeded, and the example storefront in
// examples/storefront on port 8000. Ctrl-C stops both, then the database.
import { join } from "node:path"
import { medusaBin, prepareDevEnvironment, root } from "./lib/dev-env.mjs"
import { superviseAll } from "./lib/supervise.mjs"

const backendPort = Number(process.env.PORT || 9000)
const storefrontPort = Number(process.env.STOREFRONT_PORT || 8000)
const backendUrl = `http://localhost:${backendPort}`
const storefrontUrl = `http://localhost:${storefrontPort}`

const { env, state, run, stop: stopDatabase } = await prepareDevEnvironment()
// The seed finds before it creates: a second demo changes nothing and prints the same key.
const seeded = await run(["exec", "./src/scripts/seed-demo.ts"], { capture: true })
const publishableKey = seeded.stdout.match(/Publishable API key for the storefront: (pk_\w+)/)?.[1]
if (seeded.status !== 0 || !publishableKey) {
  console.error(seeded.stdout)
  console.error("Seeding the demo catalogue failed; see the lines above.")
  await stopDatabase()
  process.exit(1)
}

// medusa-config.ts allows http://localhost:8000 by default; another storefront port is added to it.
const withStorefront = (origins, defaults) => [origins || defaults, storefrontUrl].join(",")
const backendEnv = {
  ...env,
  PORT: String(backendPort),
  STORE_CORS: withStorefront(env.STORE_CORS, "http://localhost:8000"),
  AUTH_CORS: withStorefront(env.AUTH_CORS, "http://localhost:8000,http://localhost:9000,http://localhost:5173"),
}
const storefrontEnv = {
  ...process.env,
  MEDUSA_BACKEND_URL: backendUrl,
  MEDUSA_PUBLISHABLE_KEY: publishableKey,
  NEXT_TELEMETRY_DISABLED: "1",
}

superviseAll(
  [
    { command: medusaBin, args: ["develop"], options: { cwd: root, env: backendEnv } },
    {
      command: join(root, "node_modules", ".bin", "next"),
      args: ["dev", "--port", String(storefrontPort)],
      options: { cwd: join(root, "examples", "storefront"), env: storefrontEnv },
    },
  ],
  { onStop: stopDatabase }
)

// Printed once both answer (the storefront's first page compiled), after the start-up logs.
const answers = (url) => fetch(url).then((response) => response.ok, () => false)
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))
while (!(await answers(`${backendUrl}/health`))) await sleep(1000)
while (!(await answers(storefrontUrl))) await sleep(1000)
console.log(`
  Storefront: ${storefrontUrl}
  Admin:      ${backendUrl}/app${state.adminCreated ? ` (log in as ${state.adminEmail} / ${state.adminPassword})` : ""}
`)
