/**
 * Acronis sandbox: a local fake of the Acronis Cyber Protect Cloud Account Management API v2,
 * served over HTTP for tests and demos. See README.md in this folder.
 */
import type { AddressInfo } from "node:net"
import { SandboxClock } from "./clock"
import type { SandboxContext } from "./context"
import { DEFAULT_TENANT_DELETION_SECONDS } from "./deletion"
import { FaultList } from "./faults"
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimit } from "./rate-limit"
import { createSandboxServer } from "./server"
import { loadState, seedState, StateFile, type SandboxState } from "./state"
import { TokenStore } from "./tokens"

export interface AcronisSandboxOptions {
  host?: string
  port?: number
  clientId?: string
  clientSecret?: string
  rootTenantName?: string
  statePath?: string
  controlApi?: boolean
  tokenTtlSeconds?: number
  /** Sandbox-clock seconds a report stays in progress after its first poll; default 0. */
  reportReadySeconds?: number
  /** Hours between usage refreshes on the sandbox clock; default 6 (Acronis: "on average, every 5-6 hours"); 0 = at once. */
  usageRefreshHours?: number
  /** Requests per API client per sliding window on the sandbox clock; default `DEFAULT_RATE_LIMIT`; false: none. */
  rateLimit?: RateLimit | false
  /** How long `DELETE /tenants/{id}` takes to complete on the sandbox clock; default 60. */
  tenantDeletionSeconds?: number
}

export interface RunningAcronisSandbox {
  /** Datacenter base URL; the API is at `${url}/api/2`. */
  url: string
  clientId: string
  clientSecret: string
  rootTenantId: string
  stop(): Promise<void>
}

/** Well-known local credentials: this is a fake on 127.0.0.1, not a secret. */
export const SANDBOX_DEFAULT_CLIENT_ID = "5a4db0c5-0000-4000-8000-00000000c11e"
export const SANDBOX_DEFAULT_CLIENT_SECRET = "acronis-sandbox-client-secret"
/** Acronis updates tenants' usage "on average, every 5-6 hours" (usage-reporting guide). */
export const DEFAULT_USAGE_REFRESH_HOURS = 6

export async function startAcronisSandbox(options: AcronisSandboxOptions = {}): Promise<RunningAcronisSandbox> {
  const host = options.host ?? "127.0.0.1"
  const clientId = options.clientId ?? process.env.ACRONIS_SANDBOX_CLIENT_ID ?? SANDBOX_DEFAULT_CLIENT_ID
  const clientSecret = options.clientSecret ?? process.env.ACRONIS_SANDBOX_CLIENT_SECRET ?? SANDBOX_DEFAULT_CLIENT_SECRET
  const rootTenantName = options.rootTenantName ?? "Sandbox MSP"
  const loaded = options.statePath ? loadState(options.statePath) : undefined
  const initial: SandboxState = loaded ? { ...loaded, client_id: clientId } : seedState(clientId, rootTenantName)

  const initialTiming = { reportReadySeconds: options.reportReadySeconds ?? 0, usageRefreshHours: options.usageRefreshHours ?? DEFAULT_USAGE_REFRESH_HOURS }
  const clock = new SandboxClock()
  const ctx: SandboxContext = {
    state: initial,
    clientId,
    clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    tenantDeletionSeconds: options.tenantDeletionSeconds ?? DEFAULT_TENANT_DELETION_SECONDS,
    url: "",
    tokens: new TokenStore(),
    faults: new FaultList(),
    clock,
    timing: { ...initialTiming },
    rateLimiter: new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, clock),
    latencyMs: 0,
    requestLog: [],
    reset() {
      // Same root tenant and credentials; issued tokens stay valid, as the API client did not change.
      ctx.state = seedState(clientId, rootTenantName, ctx.state.root_tenant_id)
      ctx.faults.clear()
      ctx.clock.release()
      ctx.timing = { ...initialTiming }
      ctx.rateLimiter.clear()
      ctx.latencyMs = 0
      ctx.requestLog = []
    },
  }

  const stateFile = options.statePath ? new StateFile(options.statePath, () => ctx.state) : undefined
  const sandbox = createSandboxServer(ctx, { controlApi: options.controlApi !== false, onMutation: () => stateFile?.schedule() })

  await new Promise<void>((resolve, reject) => {
    sandbox.server.once("error", reject)
    sandbox.server.listen(options.port ?? 0, host, () => {
      sandbox.server.off("error", reject)
      resolve()
    })
  })
  const { port } = sandbox.server.address() as AddressInfo
  ctx.url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`
  if (stateFile && !loaded) stateFile.schedule()

  let stopping: Promise<void> | undefined
  return {
    url: ctx.url,
    clientId,
    clientSecret,
    rootTenantId: ctx.state.root_tenant_id,
    stop: () =>
      (stopping ??= (async () => {
        await sandbox.close()
        await stateFile?.flush()
      })()),
  }
}
