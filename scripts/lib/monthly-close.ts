/**
 * `medusa exec scripts/lib/monthly-close.ts`: the monthly close job, run once in this process. The multi-process
 * test starts two at once; each waits at a barrier (a file per process in MULTIPROCESS_CLOSE_BARRIER, until
 * MULTIPROCESS_CLOSE_PROCESSES are there) so both closes start together, not a boot time apart.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import type { ExecArgs } from "@medusajs/framework/types"
import acronisMonthlyClose from "../../src/jobs/acronis-monthly-close"

export default async function runMonthlyClose({ container }: ExecArgs) {
  const barrier = process.env.MULTIPROCESS_CLOSE_BARRIER
  if (barrier) {
    const expected = Number(process.env.MULTIPROCESS_CLOSE_PROCESSES || 2)
    mkdirSync(barrier, { recursive: true })
    writeFileSync(join(barrier, String(process.pid)), "")
    const deadline = Date.now() + 120_000
    while (readdirSync(barrier).length < expected) {
      if (Date.now() > deadline) throw new Error(`only ${readdirSync(barrier).length} of ${expected} close processes reached the barrier`)
      await new Promise((done) => setTimeout(done, 20))
    }
  }
  await acronisMonthlyClose(container)
}
