import { spawnSync } from "node:child_process"
import path from "node:path"
import { addDays, addMonths, daysFrom, nextPeriod, periodBounds, periodsBetween, previousPeriod } from "../period"
import { periodsToClose } from "../catch-up"

const ROOT = path.resolve(__dirname, "../../../../..")
const FUZZ = path.join(__dirname, "fuzz/date-walks.fuzz.ts")

describe("walks over days and months", () => {
  // In a child process with a time and memory limit: a walk that never ends would block this process too,
  // and its timer with it. The old `daysFrom("9999-12-31", "9999-12-31")` ran until memory ran out.
  it("answer or refuse with a RangeError for any day or month, 0000 to 275760 and malformed (fuzzed, fixed seed)", () => {
    const run = spawnSync(process.execPath, ["--max-old-space-size=256", "-r", "ts-node/register/transpile-only", FUZZ], {
      cwd: ROOT,
      encoding: "utf8",
      // Warnings off: stderr carries only a failing property's report.
      env: { ...process.env, NODE_OPTIONS: "", NODE_NO_WARNINGS: "1" },
      timeout: 45_000,
      killSignal: "SIGKILL",
    })
    expect({ signal: run.signal, status: run.status, stderr: run.stderr.slice(-2_000) }).toEqual({ signal: null, status: 0, stderr: "" })
    expect(run.stdout).toMatch(/^date walks: 11 properties, \d{4,} calls, all answered or refused/)
  }, 60_000)

  it("refuse days and months outside 1900-01-01 to 9999-12-31 by name", () => {
    expect(() => addDays("9999-12-31", 1)).toThrow(new RangeError("a day must fall between 1900-01-01 and 9999-12-31"))
    expect(() => addDays("0000-01-01", 1)).toThrow(new RangeError('"0000-01-01" is outside the years 1900 to 9999'))
    expect(() => addDays("275760-09-13", 0)).toThrow(new RangeError('a day must be YYYY-MM-DD, got "275760-09-13"'))
    expect(() => addDays("2026-02-29", 0)).toThrow(new RangeError('"2026-02-29" is not a calendar day'))
    expect(() => nextPeriod("9999-12")).toThrow(new RangeError("a period must fall between 1900-01 and 9999-12"))
    expect(() => periodBounds("0000-01")).toThrow(RangeError)
    expect(() => addMonths("9999-11-30", 2)).toThrow(RangeError)
    expect(() => daysFrom("2016-01-01", "2026-12-31")).toThrow(new RangeError("2016-01-01 to 2026-12-31 is more than 3660 days to list"))
  })

  it("keep their answers at the edges of the range", () => {
    expect(periodBounds("9999-12")).toEqual({ start: "9999-12-01", end: "9999-12-31", days: 31 })
    expect(periodBounds("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29", days: 29 })
    expect(previousPeriod("1900-02")).toEqual("1900-01")
    expect(daysFrom("9999-12-30", "9999-12-31")).toEqual(["9999-12-30", "9999-12-31"])
    expect(daysFrom("2026-03-02", "2026-03-01")).toEqual([])
    expect(periodsBetween("9999-11", "9999-12")).toEqual(["9999-11", "9999-12"])
    expect(addMonths("2024-01-31", 1)).toEqual("2024-02-29")
    expect(periodsToClose({ spans: [{ from: "9999-10-15", to: null }], closed: new Set(), today: "9999-12-31" })).toEqual(["9999-10", "9999-11"])
  })
})
