#!/usr/bin/env node
// `npm run seed`: the demo catalogue in this repository's host (same database as `npm run dev`).
import { prepareDevEnvironment } from "./lib/dev-env.mjs"

const { run, stop } = await prepareDevEnvironment()
const seeded = await run(["exec", "./src/scripts/seed-demo.ts"])
await stop()
process.exit(seeded.status)
