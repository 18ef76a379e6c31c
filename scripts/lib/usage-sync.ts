/**
 * `medusa exec scripts/lib/usage-sync.ts`: the usage sync job, run once in this process, as its schedule would
 * run it. The storefront test runs it right after giving a subscription usage in Acronis, instead of waiting
 * for the next tick of the hourly job.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import acronisUsageSync from "../../src/jobs/acronis-usage-sync"

export default async function runUsageSync({ container }: ExecArgs) {
  await acronisUsageSync(container)
}
