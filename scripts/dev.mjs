#!/usr/bin/env node
// `npm run dev` / `npm run demo`: the plugin in this repository's own Medusa host on port 9000. With no
// DATABASE_URL it runs an embedded PostgreSQL whose data lives in .data/ and survives restarts. Ctrl-C (or
// SIGTERM to npm or to this script) stops Medusa with everything it started, then the database.
import { medusaBin, prepareDevEnvironment, root } from "./lib/dev-env.mjs"
import { supervise } from "./lib/supervise.mjs"

const { env, state, stop: stopDatabase } = await prepareDevEnvironment()
if (state.adminCreated) {
  console.log(`\nAdmin: http://localhost:9000/app — log in as ${state.adminEmail} / ${state.adminPassword}\n`)
}

supervise(medusaBin, ["develop"], { cwd: root, env, onStop: stopDatabase })
