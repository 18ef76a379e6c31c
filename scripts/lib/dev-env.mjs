// The environment `npm run dev` and `npm run seed` share: the database (DATABASE_URL, or the embedded
// PostgreSQL in .data/ that survives restarts), migrations, the first admin and the demo's sandbox state.
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { postgresAnswers, startEmbeddedPostgres } from "./postgres.mjs"
import { run as runCommand } from "./run.mjs"

export const root = resolve(import.meta.dirname, "..", "..")
export const medusaBin = join(root, "node_modules", ".bin", "medusa")
const dataDir = join(root, ".data")
const statePath = join(dataDir, "dev.json")

export async function prepareDevEnvironment() {
  mkdirSync(dataDir, { recursive: true })
  // Local-only credentials for the embedded database and the first admin, made once and kept in .data/.
  const state = existsSync(statePath) ? JSON.parse(readFileSync(statePath, "utf8")) : {}
  state.postgresPassword ??= randomBytes(12).toString("hex")
  state.adminEmail ??= "admin@acronis.local"
  state.adminPassword ??= randomBytes(9).toString("base64url")
  state.jwtSecret ??= randomBytes(32).toString("hex")
  state.cookieSecret ??= randomBytes(32).toString("hex")
  const save = () => writeFileSync(statePath, JSON.stringify(state, null, 2), { mode: 0o600 })
  save()

  const env = {
    ...process.env,
    // This machine only, unless HOST says otherwise; and secrets of its own, kept in .data/.
    HOST: process.env.HOST ?? "localhost",
    JWT_SECRET: process.env.JWT_SECRET ?? state.jwtSecret,
    COOKIE_SECRET: process.env.COOKIE_SECRET ?? state.cookieSecret,
    ACRONIS_SANDBOX_STATE: process.env.ACRONIS_SANDBOX_STATE ?? join(dataDir, "acronis-sandbox.json"),
    NOTIFICATION_OUTBOX_DIR: process.env.NOTIFICATION_OUTBOX_DIR ?? join(dataDir, "outbox"),
  }

  let postgres
  if (!env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT || 54329)
    const login = { host: "localhost", port, user: "postgres", password: state.postgresPassword }
    // `npm run seed` while `npm run dev` runs: use the embedded server that is already up.
    const running = await postgresAnswers(login)
    postgres = running ? undefined : await startEmbeddedPostgres({
      dataDir: join(dataDir, "postgres"),
      port,
      password: state.postgresPassword,
      persistent: true,
    })
    if (postgres) await postgres.createDatabase("medusa_acronis")
    env.DATABASE_URL = `postgres://postgres:${state.postgresPassword}@localhost:${port}/medusa_acronis`
    console.log(`Embedded PostgreSQL on localhost:${port} (data in .data/postgres)${running ? ", already running" : ""}.`)
  }

  const run = (args, options = {}) => runCommand(medusaBin, args, { cwd: root, env, ...options })
  const stop = async () => {
    await postgres?.stop().catch(() => {})
  }

  if ((await run(["db:migrate"])).status !== 0) {
    await stop()
    process.exit(1)
  }
  if (!process.env.DATABASE_URL && !state.adminCreated) {
    if ((await run(["user", "-e", state.adminEmail, "-p", state.adminPassword])).status === 0) {
      state.adminCreated = true
      save()
    }
  }
  return { env, state, run, stop }
}
