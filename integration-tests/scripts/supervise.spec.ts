import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"

jest.setTimeout(60 * 1000)

const fixture = path.join(__dirname, "fixtures", "supervised-tree.mjs")
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, timeoutMs = 20_000) {
  for (const deadline = Date.now() + timeoutMs; !condition(); await sleep(50)) {
    if (Date.now() > deadline) throw new Error("timed out")
  }
}

// `npm run dev` runs `medusa develop` under scripts/lib/supervise.mjs; these run the same with a stand-in tree.
describe("npm run dev's supervisor", () => {
  let dir: string
  let record: string
  const read = () =>
    readFileSync(record, "utf8")
      .trim()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  const allPids = () => read().filter((entry) => entry.child) as { child: number; grandchild: number }[]
  const pids = () => allPids()[0]
  const stopped = () => read().some((entry) => entry.stopped)
  const cleanUp = () => {
    for (const tree of allPids()) for (const pid of [tree.child, tree.grandchild]) if (alive(pid)) process.kill(pid, "SIGKILL")
  }

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "supervise-"))
    record = path.join(dir, "record.jsonl")
  })
  afterEach(() => {
    try {
      cleanUp()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)("stops the command and what it started on %s, then runs its own clean-up", async (signal) => {
    const supervisor = spawn(process.execPath, [fixture, record], { stdio: "ignore", detached: true })
    await until(() => { try { return !!pids() } catch { return false } })
    const { child, grandchild } = pids()
    expect(alive(child) && alive(grandchild)).toBe(true)

    process.kill(supervisor.pid!, signal)

    await until(() => { try { return stopped() } catch { return false } })
    await until(() => supervisor.exitCode !== null)
    expect(alive(child)).toBe(false)
    expect(alive(grandchild)).toBe(false)
  })

  it("stops everything on SIGINT to npm, which forwards it only to a script that execs node (as `npm run dev` does)", async () => {
    const scripts = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).scripts
    expect([scripts.dev, scripts.demo]).toEqual(["exec node scripts/dev.mjs", "exec node scripts/demo.mjs"])
    writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "tree", scripts: { dev: `exec node "${fixture}" "${record}"` } }))
    const npm = spawn("npm", ["run", "-s", "dev"], { cwd: dir, stdio: "ignore", detached: true })
    await until(() => { try { return !!pids() } catch { return false } })
    const { child, grandchild } = pids()

    process.kill(npm.pid!, "SIGINT")

    await until(() => { try { return stopped() } catch { return false } })
    await until(() => !alive(child) && !alive(grandchild))
    await until(() => npm.exitCode !== null || npm.signalCode !== null)
  })

  it("stops every command and what each started when one of them exits (the demo's backend and storefront)", async () => {
    const supervisor = spawn(process.execPath, [fixture, record, "2"], { stdio: "ignore", detached: true })
    await until(() => { try { return allPids().length === 2 } catch { return false } })
    const [first, second] = allPids()
    expect([first, second].every((tree) => alive(tree.child) && alive(tree.grandchild))).toBe(true)

    process.kill(first.child, "SIGKILL")

    await until(() => { try { return stopped() } catch { return false } })
    await until(() => [first.grandchild, second.child, second.grandchild].every((pid) => !alive(pid)))
    await until(() => supervisor.exitCode !== null)
  })

  it("stops everything when its own parent is killed (npm run dev killed with SIGKILL)", async () => {
    const parent = spawn("sh", ["-c", `"${process.execPath}" "${fixture}" "${record}"; true`], { stdio: "ignore", detached: true })
    await until(() => { try { return !!pids() } catch { return false } })
    const { child, grandchild } = pids()

    process.kill(parent.pid!, "SIGKILL")

    await until(() => { try { return stopped() } catch { return false } })
    await until(() => !alive(child) && !alive(grandchild))
  })
})
