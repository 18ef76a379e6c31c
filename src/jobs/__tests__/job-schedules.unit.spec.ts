import { readdirSync } from "node:fs"
import path from "node:path"
import { parseExpression } from "cron-parser"

// Node fires a timer of more than 2^31-1 ms (24.8 days) after 1 ms, and Medusa's in-memory scheduler then
// fires the job in a tight loop: no job may ever wait that long for its next run.
const MAX_TIMER_MS = 2 ** 31 - 1
const jobsDir = path.join(__dirname, "..")
// The defaults are what is checked: the test setup moves the hourly jobs to a quiet daily slot.
for (const name of Object.keys(process.env).filter((key) => /^ACRONIS_.*_SCHEDULE$/.test(key))) delete process.env[name]
const jobFiles = readdirSync(jobsDir).filter((file) => file.endsWith(".ts"))

describe("scheduled jobs", () => {
  it.each(jobFiles)("%s never waits longer than a Node timer can", (file) => {
    const { config } = require(path.join(jobsDir, file)) as { config: { name: string; schedule: string } }
    // The gaps between consecutive firings (up to 3,000 of them, or two years), from an awkward starting point.
    const cron = parseExpression(config.schedule, { currentDate: new Date("2027-01-31T23:59:59Z"), utc: true })
    let previous = new Date("2027-01-31T23:59:59Z").getTime()
    let longest = 0
    for (let i = 0; i < 3_000; i++) {
      const next = cron.next().getTime()
      longest = Math.max(longest, next - previous)
      previous = next
      if (next > Date.parse("2029-02-01T00:00:00Z")) break
    }
    expect(longest).toBeLessThanOrEqual(MAX_TIMER_MS)
  })
})

describe("job schedules from the environment", () => {
  const { jobSchedule } = require("../../lib/job-schedule") as typeof import("../../lib/job-schedule")
  afterEach(() => delete process.env.TEST_JOB_SCHEDULE)

  it("takes a schedule that runs at least weekly, and the default when none is set", () => {
    expect(jobSchedule("TEST_JOB_SCHEDULE", "20 * * * *")).toEqual("20 * * * *")
    process.env.TEST_JOB_SCHEDULE = "5 */2 * * 1-5"
    expect(jobSchedule("TEST_JOB_SCHEDULE", "20 * * * *")).toEqual("5 */2 * * 1-5")
  })

  it.each(["0 3 1 * *", "0 0 * 2 *", "0 0 * * 1#1", "0 0 * * 5L", "hourly", "0 3 1 * * * *"])("refuses %s, naming the variable", (value) => {
    process.env.TEST_JOB_SCHEDULE = value
    expect(() => jobSchedule("TEST_JOB_SCHEDULE", "20 * * * *")).toThrow(/TEST_JOB_SCHEDULE must be a cron expression that runs at least weekly/)
  })
})
