import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"

// This suite boots the host with the jobs' own default schedules (the test setup moves them to a quiet slot
// for the other suites), which Medusa reads when it loads the job files at boot.
for (const name of Object.keys(process.env).filter((key) => /^ACRONIS_.*_SCHEDULE$/.test(key))) delete process.env[name]

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ getContainer }) => {
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
  },
})
