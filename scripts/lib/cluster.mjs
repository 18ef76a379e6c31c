// A production-shaped deployment of this repository's host on one machine: one Acronis sandbox process, one
// Medusa server and N Medusa workers sharing a fresh PostgreSQL database and Redis. Used by the multi-process
// test and its benchmark. Every process runs in its own process group, with its output in a log file.
import { spawn } from "node:child_process"
import { mkdirSync, openSync, rmSync } from "node:fs"
import net from "node:net"
import { join, resolve } from "node:path"
import pg from "pg"

export const root = resolve(import.meta.dirname, "..", "..")
const medusaCli = join(root, "node_modules", "@medusajs", "cli", "cli.js")

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

export async function freePort() {
  const server = net.createServer()
  await new Promise((done) => server.listen(0, "127.0.0.1", done))
  const { port } = server.address()
  await new Promise((done) => server.close(done))
  return port
}

/** Sends raw Redis commands (RESP) and resolves on the last reply; no client library needed for two commands. */
async function redisCommands(url, commands) {
  const { hostname, port } = new URL(url)
  const payload = commands.map((args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join("")}`).join("")
  return new Promise((done, fail) => {
    const socket = net.connect(Number(port || 6379), hostname || "127.0.0.1")
    let replies = ""
    socket.setTimeout(5000, () => socket.destroy(new Error(`Redis at ${url} did not answer`)))
    socket.on("error", fail)
    socket.on("data", (chunk) => {
      replies += chunk
      if (replies.split("\r\n").filter((line) => /^[+\-:]/.test(line)).length >= commands.length) {
        socket.end()
        if (replies.includes("\r\n-") || replies.startsWith("-")) fail(new Error(`Redis: ${replies.trim()}`))
        else done(replies)
      }
    })
    socket.write(payload)
  })
}

/** `${base}/${db}` with that Redis database emptied: a run never sees another run's queues or locks. */
async function freshRedisDatabase(base, db) {
  await redisCommands(base, [["SELECT", db], ["FLUSHDB"]])
  return `${base.replace(/\/\d*$/, "")}/${db}`
}

function pgLogin() {
  return {
    host: process.env.DB_HOST || "localhost",
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
}

async function withAdminDb(fn) {
  const client = new pg.Client({ ...pgLogin(), database: "postgres" })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

const running = new Set()

/** Stops every cluster this process started or is starting (a signal may come in the middle of a boot). */
export async function stopAllClusters() {
  await Promise.all([...running].map((cluster) => cluster.stop()))
}

/**
 * Starts the cluster. `env` adds to every Medusa process's environment (job schedules, recovery settings).
 * Returns handles to the processes, their URLs, a SQL helper on the run's database, and `stop()`.
 */
export async function startCluster({ workers = 2, runDir, env: extraEnv = {}, log = () => {} }) {
  rmSync(runDir, { recursive: true, force: true })
  mkdirSync(runDir, { recursive: true })
  const processes = new Set()
  const database = `acronis_multiprocess_${process.pid}`
  let databaseCreated = false
  let db

  const cluster = {
    runDir,
    outboxDir: join(runDir, "outbox"),
    processes,
    /** Stops every process it started (its whole group) and drops the database. */
    async stop() {
      running.delete(cluster)
      for (const handle of [...processes]) handle.kill("SIGKILL")
      await db?.end().catch(() => {})
      if (databaseCreated) {
        await withAdminDb((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)).catch((error) =>
          console.error(`could not drop database ${database}: ${error.message}`)
        )
      }
    },
  }

  /** A process in its own group, output to `<name>.log`; `kill(signal)` reaches the whole group. */
  function startProcess(name, command, args, env, { onStdout } = {}) {
    const logFd = openSync(join(runDir, `${name}.log`), "a")
    const child = spawn(command, args, {
      cwd: root,
      env,
      detached: true,
      stdio: ["ignore", onStdout ? "pipe" : logFd, logFd],
    })
    if (onStdout) {
      child.stdout.on("data", (chunk) => {
        onStdout(String(chunk))
      })
    }
    const handle = {
      name,
      child,
      exited: new Promise((done) => child.on("exit", (code, signal) => done({ code, signal }))),
      kill(signal = "SIGTERM") {
        if (child.exitCode !== null || child.signalCode !== null) return
        try {
          process.kill(-child.pid, signal)
        } catch {
          // The group is already gone.
        }
      },
    }
    handle.exited.then(() => processes.delete(handle))
    processes.add(handle)
    return handle
  }
  cluster.startProcess = startProcess

  running.add(cluster)
  try {
    // The Acronis sandbox: one process that every Medusa process talks to, as they would to Acronis.
    const sandboxPort = await freePort()
    let sandboxOut = ""
    const ready = new Promise((done, fail) => {
      const sandbox = startProcess("sandbox", process.execPath, [join(root, "scripts", "sandbox.mjs"), "--port", String(sandboxPort)], process.env, {
        onStdout: (text) => {
          sandboxOut += text
          const id = sandboxOut.match(/client id:\s+(\S+)/)
          const secret = sandboxOut.match(/client secret:\s+(\S+)/)
          if (id && secret) done({ clientId: id[1], clientSecret: secret[1] })
        },
      })
      sandbox.exited.then(({ code }) => fail(new Error(`the Acronis sandbox exited (${code}); see ${runDir}/sandbox.log`)))
    })
    const credentials = await Promise.race([ready, sleep(30_000).then(() => Promise.reject(new Error("the Acronis sandbox did not start in 30 s")))])
    cluster.sandboxUrl = `http://127.0.0.1:${sandboxPort}`
    log(`sandbox on ${cluster.sandboxUrl}`)

    await withAdminDb((client) => client.query(`CREATE DATABASE "${database}"`))
    databaseCreated = true
    const login = pgLogin()
    const auth = login.password ? `${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}` : encodeURIComponent(login.user)
    const databaseUrl = `postgres://${auth}@${login.host}:${login.port}/${database}`
    db = new pg.Client({ ...login, database })
    await db.connect()
    cluster.sql = async (text, values) => (await db.query(text, values)).rows

    const redisDb = Number(process.env.MULTIPROCESS_REDIS_DB || 1 + (process.pid % 15))
    const redisUrl = await freshRedisDatabase(process.env.REDIS_URL || "redis://127.0.0.1:6379", redisDb)

    const env = {
      ...process.env,
      NODE_ENV: "development",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      ACRONIS_MODE: "live",
      ACRONIS_DATACENTER_URL: cluster.sandboxUrl,
      ACRONIS_CLIENT_ID: credentials.clientId,
      ACRONIS_CLIENT_SECRET: credentials.clientSecret,
      MEDUSA_ADMIN_DISABLED: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      NOTIFICATION_OUTBOX_DIR: cluster.outboxDir,
      LOG_LEVEL: process.env.MULTIPROCESS_LOG_LEVEL || "info",
      ...extraEnv,
    }
    delete env.SMTP_HOST

    /** Runs a medusa command to its end (`medusa exec`, migrations); rejects unless it exits 0. */
    const runCli = async (name, args, more = {}) => {
      const { code } = await startProcess(name, process.execPath, [medusaCli, ...args], { ...env, ...more }).exited
      if (code !== 0) throw new Error(`medusa ${args[0]} failed (${code}); see ${runDir}/${name}.log`)
    }
    cluster.runMedusa = runCli
    const started = Date.now()
    await runCli("migrate", ["db:migrate"])
    log(`migrations in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    cluster.adminEmail = "admin@multiprocess.test"
    cluster.adminPassword = "correct-horse-battery-staple"
    await runCli("admin-user", ["user", "-e", cluster.adminEmail, "-p", cluster.adminPassword])

    /** Starts `medusa start` as `server` or `worker` on its own port and waits until it answers /health. */
    cluster.startMedusa = async (name, mode) => {
      const port = await freePort()
      const handle = startProcess(name, process.execPath, [medusaCli, "start", "--port", String(port)], { ...env, MEDUSA_WORKER_MODE: mode })
      handle.url = `http://127.0.0.1:${port}`
      const deadline = Date.now() + 180_000
      for (;;) {
        if (handle.child.exitCode !== null || handle.child.signalCode !== null) throw new Error(`${name} exited while starting; see ${runDir}/${name}.log`)
        const ok = await fetch(`${handle.url}/health`).then((r) => r.ok, () => false)
        if (ok) return handle
        if (Date.now() > deadline) throw new Error(`${name} did not answer /health in 180 s; see ${runDir}/${name}.log`)
        await sleep(250)
      }
    }
    const booted = Date.now()
    const names = Array.from({ length: workers }, (_, i) => `worker-${i + 1}`)
    const [server, ...workerHandles] = await Promise.all([
      // With no workers the server runs jobs and subscribers too.
      cluster.startMedusa("server", workers ? "server" : "shared"),
      ...names.map((name) => cluster.startMedusa(name, "worker")),
    ])
    cluster.server = server
    cluster.workers = workerHandles
    log(`server and ${workers} workers up in ${((Date.now() - booted) / 1000).toFixed(1)} s`)
    return cluster
  } catch (error) {
    await cluster.stop()
    throw error
  }
}
