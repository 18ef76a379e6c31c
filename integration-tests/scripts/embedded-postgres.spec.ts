import { spawn } from "node:child_process"
import path from "node:path"

jest.setTimeout(120 * 1000)

const fixture = path.join(__dirname, "fixtures", "embedded-postgres-log-flood.mjs")

/** Runs the fixture in its own process group, so a hung run can be killed with the server it started. */
function runFixture(lines: number, timeoutMs: number): Promise<{ code: number | null; stdout: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fixture, String(lines)], { detached: true, stdio: ["ignore", "pipe", "inherit"] })
    let stdout = ""
    let timedOut = false
    child.stdout.on("data", (chunk) => (stdout += chunk))
    const timer = setTimeout(() => {
      timedOut = true
      process.kill(-child.pid!, "SIGKILL")
    }, timeoutMs)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, timedOut })
    })
  })
}

// `npm test` on a machine without PostgreSQL starts one of these. CI has a PostgreSQL, so this is where the
// embedded path runs there.
describe("the embedded PostgreSQL of npm test", () => {
  it("starts, and keeps serving while a child process of the script that owns it fills the server's log", async () => {
    // 10,000 lines of ~250 bytes is far beyond a pipe's buffer: if the owning script stopped reading the
    // server's log (as it did under spawnSync), the query, and so the fixture, would never finish.
    const result = await runFixture(10_000, 90_000)

    expect(result.timedOut).toBe(false)
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout.trim().split("\n").pop()!)).toEqual({ status: 0 })
  })
})
