#!/usr/bin/env node
// `npm run dev` / `npm run demo`: the plugin in this repository's own Medusa host on port 9000. With no
// DATABASE_URL it runs an embedded PostgreSQL whose data lives in .data/ and survives restarts.
import { spawn } from "node:child_process"
import { medusaBin, prepareDevEnvironment, root } from "./lib/dev-env.mjs"

const { env, state, stop: stopDatabase } = await prepareDevEnvironment()
if (state.adminCreated) {
  console.log(`\nAdmin: http://localhost:9000/app — log in as ${state.adminEmail} / ${state.adminPassword}\n`)
}

const medusa = spawn(medusaBin, ["develop"], { cwd: root, env, stdio: "inherit" })
let stopping = false
const stop = async (code) => {
  if (stopping) return
  stopping = true
  medusa.kill("SIGTERM")
  await stopDatabase()
  process.exit(code)
}
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))
medusa.on("exit", (code) => stop(code ?? 0))
