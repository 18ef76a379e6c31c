import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import type AcronisModuleService from "../../../../modules/acronis/service"
import { ACRONIS_JOBS } from "./jobs"

/**
 * The plugin's setup for the admin's Settings page: the options in force (never the client secret), and each
 * scheduled job with its schedule, the environment variable that sets it, and its last run.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const acronis = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const runs = await acronis.listAcronisJobRuns(
    { name: ACRONIS_JOBS.map((job) => job.name) },
    { select: ["name", "started_at", "finished_at", "outcome", "error"] }
  )
  const runOf = new Map(
    runs.map(({ name, started_at, finished_at, outcome, error }) => [name, { started_at, finished_at, outcome, error }])
  )
  res.json({
    settings: {
      options: acronis.getOptionsInForce(),
      jobs: ACRONIS_JOBS.map((job) => ({ ...job, last_run: runOf.get(job.name) ?? null })),
    },
  })
}
