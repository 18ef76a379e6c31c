#!/usr/bin/env node
// Runs the Acronis sandbox on its own, straight from TypeScript (no build):
//   npm run sandbox -- --port 4010 [--host 127.0.0.1] [--state .data/sandbox.json] [--usage-refresh-hours 6] [--report-ready-seconds 0]
import { createRequire } from "node:module"
import { parseArgs } from "node:util"

const require = createRequire(import.meta.url)
require("ts-node").register({ transpileOnly: true, swc: false, compilerOptions: { module: "commonjs", moduleResolution: "node" } })
const { startAcronisSandbox } = require("../src/sandbox/index.ts")

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    state: { type: "string" },
    "root-tenant-name": { type: "string" },
    "no-control-api": { type: "boolean", default: false },
    "usage-refresh-hours": { type: "string" },
    "report-ready-seconds": { type: "string" },
  },
})

const sandbox = await startAcronisSandbox({
  host: values.host,
  port: Number(values.port),
  statePath: values.state,
  rootTenantName: values["root-tenant-name"],
  controlApi: !values["no-control-api"],
  usageRefreshHours: values["usage-refresh-hours"] === undefined ? undefined : Number(values["usage-refresh-hours"]),
  reportReadySeconds: values["report-ready-seconds"] === undefined ? undefined : Number(values["report-ready-seconds"]),
})

// Printing the secret is intended here: it is the local fake's well-known credential.
console.log(`Acronis sandbox listening on ${sandbox.url} (API: ${sandbox.url}/api/2)`)
console.log(`  client id:      ${sandbox.clientId}`)
console.log(`  client secret:  ${sandbox.clientSecret}`)
console.log(`  root tenant id: ${sandbox.rootTenantId}`)
if (values.state) console.log(`  state file:     ${values.state}`)

let stopping = false
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return
    stopping = true
    await sandbox.stop()
    process.exit(0)
  })
}
