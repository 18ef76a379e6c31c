import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { recordedJob } from "../../src/lib/job-runs"
import { createAdminHeaders } from "./fixtures/admin"

// This suite boots the host with the jobs' own default schedules (the test setup moves them to a quiet slot
// for the other suites), which Medusa reads when it loads the job files at boot.
for (const name of Object.keys(process.env).filter((key) => /^ACRONIS_.*_SCHEDULE$/.test(key))) delete process.env[name]

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("runs no scheduled job in a loop: the host stays quiet for seconds after boot", async () => {
      // Node fires a timer more than 24.8 days away at once, and Medusa's in-memory scheduler then fires the
      // job again and again: a monthly cron did that. No job of the plugin may run in the seconds after boot.
      const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
      const lines: string[] = []
      const spies = (["info", "warn", "error", "debug", "log"] as const)
        .filter((level) => typeof (logger as any)[level] === "function")
        .map((level) => jest.spyOn(logger as any, level).mockImplementation((...args: unknown[]) => void lines.push(String(args[0]))))
      await new Promise((resolve) => setTimeout(resolve, 4_000))
      spies.forEach((spy) => spy.mockRestore())
      expect(lines.filter((line) => /acronis/i.test(line))).toEqual([])
    })

    it("shows the admin the options in force without the secret, and each job's schedule and last run", async () => {
      const container = getContainer()
      // Imported here, not above: a job's schedule is read as its file loads, after the defaults are restored.
      const { default: acronisTermChanges } = require("../../src/jobs/acronis-term-changes") as typeof import("../../src/jobs/acronis-term-changes")
      const admin = await createAdminHeaders(api, container)
      const read = async () => (await api.get("/admin/acronis/settings", admin)).data.settings
      const before = await read()
      expect(before.options).toEqual(expect.objectContaining({ mode: "sandbox", client_id: null, client_secret_set: false, billing_order_mode: expect.any(String) }))
      expect(Object.keys(before.options)).not.toContain("client_secret")
      const job = (settings: any, name: string) => settings.jobs.find((j: { name: string }) => j.name === name)
      expect(before.jobs.map((j: any) => [j.name, j.schedule, j.schedule_env])).toEqual([
        ["acronis-usage-sync", "0 * * * *", "ACRONIS_USAGE_SYNC_SCHEDULE"],
        ["acronis-monthly-close", "20 * * * *", "ACRONIS_MONTHLY_CLOSE_SCHEDULE"],
        ["acronis-provisioning-recovery", "* * * * *", "ACRONIS_PROVISIONING_RECOVERY_SCHEDULE"],
        ["acronis-subscription-lifecycle", "40 * * * *", "ACRONIS_SUBSCRIPTION_LIFECYCLE_SCHEDULE"],
        ["acronis-term-changes", "50 * * * *", "ACRONIS_TERM_CHANGES_SCHEDULE"],
        ["acronis-end-free-months", "15 4 * * *", null],
      ])
      expect(job(before, "acronis-term-changes").last_run).toBeNull()

      // A job's run is recorded as it ends; a job that throws is recorded with its error, and still throws.
      await acronisTermChanges(container)
      const ran = job(await read(), "acronis-term-changes").last_run
      expect(ran).toEqual({ started_at: expect.any(String), finished_at: expect.any(String), outcome: "succeeded", error: null })
      expect(Date.parse(ran.finished_at)).toBeGreaterThanOrEqual(Date.parse(ran.started_at))
      const down = recordedJob("acronis-usage-sync", async () => {
        throw new Error("Acronis answered 503")
      })
      await expect(down(container)).rejects.toThrow("Acronis answered 503")
      expect(job(await read(), "acronis-usage-sync").last_run).toEqual(expect.objectContaining({ outcome: "failed", error: "Acronis answered 503" }))
      // Run again, the one row of the job is updated.
      await acronisTermChanges(container)
      expect(job(await read(), "acronis-term-changes").last_run.outcome).toEqual("succeeded")

      const anonymous = await api.get("/admin/acronis/settings").catch((e: any) => e.response)
      expect(anonymous.status).toEqual(401)
    })
  },
})
