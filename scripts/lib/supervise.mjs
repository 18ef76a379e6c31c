// Runs long-lived commands (`medusa develop`, the example storefront) each in a process group of its own,
// and stops every group (each command and whatever it started) before calling `onStop`: on SIGINT, SIGTERM
// or SIGHUP, when any of the commands exits, and when this process's parent goes away (`npm run dev` killed,
// the terminal closed).
import { spawn } from "node:child_process"
import { once } from "node:events"

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const signalGroup = (pid, signal) => {
  try {
    process.kill(-pid, signal)
    return true
  } catch {
    return false // ESRCH: nobody is left in the group
  }
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null

/** `commands`: `[{ command, args, options }]`, spawned in order. Returns the children. */
export function superviseAll(commands, { onStop = async () => {}, graceMs = 10_000 } = {}) {
  const children = commands.map(({ command, args, options = {} }) =>
    spawn(command, args, { ...options, detached: true, stdio: ["ignore", "inherit", "inherit"] })
  )
  const parent = process.ppid
  let stopping = false

  const stop = async (code) => {
    if (stopping) return
    stopping = true
    clearInterval(parentWatch)
    await Promise.all(
      children.map(async (child) => {
        const exited = hasExited(child) ? Promise.resolve() : once(child, "exit")
        signalGroup(child.pid, "SIGTERM")
        await Promise.race([exited, sleep(graceMs)])
        // The command may be gone while what it started is not: wait for the group, then force it.
        for (let waited = 0; waited < graceMs && signalGroup(child.pid, 0); waited += 100) await sleep(100)
        signalGroup(child.pid, "SIGKILL")
      })
    )
    await onStop()
    process.exit(code)
  }

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0))
  for (const child of children) child.on("exit", (code) => stop(code ?? 0))
  const parentWatch = setInterval(() => {
    if (process.ppid !== parent) stop(0)
  }, 500)
  return children
}

export function supervise(command, args, { onStop, graceMs, ...options } = {}) {
  return superviseAll([{ command, args, options }], { onStop, graceMs })[0]
}
