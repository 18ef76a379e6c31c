import { model } from "@medusajs/framework/utils"

/**
 * The last run of each of the plugin's scheduled jobs, one row per job, for the admin's Settings page: when
 * it started and ended, and the error when it threw. A job that handled some items' failures itself (and
 * logged them) still succeeded.
 */
export const AcronisJobRun = model
  .define("acronis_job_run", {
    id: model.id({ prefix: "acjob" }).primaryKey(),
    name: model.text(),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    outcome: model.enum(["running", "succeeded", "failed"]),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["name"], unique: true }])
