// Runs a long-lived command (`medusa develop`) in a process group of its own, and stops the whole group
// (the command and whatever it started) before calling `onStop`: on SIGINT, SIGTERM or SIGHUP, when the
// command exits, and when this process's parent goes away (`npm run dev` killed, the terminal closed).
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

export function supervise(command, args, { onStop = async () => {}, graceMs = 10_000, ...options } = {}) {
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", "inherit", "inherit"] })
  const parent = process.ppid
  let stopping = false

  const stop = async (code) => {
    if (stopping) return
    stopping = true
    clearInterval(parentWatch)
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, "exit")
    signalGroup(child.pid, "SIGTERM")
    await Promise.race([exited, sleep(graceMs)])
    // The command may be gone while what it started is not: wait for the group, then force it.
    for (let waited = 0; waited < graceMs && signalGroup(child.pid, 0); waited += 100) await sleep(100)
    signalGroup(child.pid, "SIGKILL")
    await onStop()
    process.exit(code)
  }

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0))
  child.on("exit", (code) => stop(code ?? 0))
  const parentWatch = setInterval(() => {
    if (process.ppid !== parent) stop(0)
  }, 500)
  return child
}
