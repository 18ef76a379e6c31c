// Runs a command without blocking this process's event loop.
//
// Never use spawnSync while an embedded PostgreSQL started by this process is up: the server writes its log
// to a pipe that only this process's event loop reads. Blocked in spawnSync, nobody reads it, the pipe fills,
// and every backend then hangs on its next log line (a DROP DATABASE waits on them forever).
import { spawn } from "node:child_process"

/**
 * Resolves with the exit status (a signal counts as failure) and, with `capture`, the command's stdout;
 * stderr is always shown.
 */
export function run(command, args, { capture = false, ...options } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["inherit", capture ? "pipe" : "inherit", "inherit"] })
    let stdout = ""
    child.stdout?.on("data", (chunk) => (stdout += chunk))
    child.once("error", reject)
    child.once("close", (code) => resolve({ status: code ?? 1, stdout }))
  })
}
