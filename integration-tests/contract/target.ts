/*
 * Where the contract suite runs: a real Acronis datacenter when ACRONIS_BASE_URL, ACRONIS_CLIENT_ID and
 * ACRONIS_CLIENT_SECRET are all set, otherwise a local sandbox started for the suite.
 */
import { startAcronisSandbox } from "../../src/sandbox"

export const LIVE = Boolean(
  process.env.ACRONIS_BASE_URL && process.env.ACRONIS_CLIENT_ID && process.env.ACRONIS_CLIENT_SECRET
)

/** Tests that need the sandbox control API (faults, request log, e-mails, usage injection). */
export const sandboxIt = LIVE ? it.skip : it

export interface FaultSpec {
  method?: string
  path: string
  times?: number
  status?: number
  body?: unknown
  retryAfter?: number
  latencyMs?: number
  kind?: "status" | "drop" | "hang"
  after?: boolean
}

export interface LoggedRequest {
  method: string
  path: string
  query?: unknown
  status: number
  at: string
}

export interface SentEmail {
  to: string
  user_id: string
  login: string
  kind: string
  sent_at: string
}

/** The sandbox's control API (plain fetch, no auth). */
export class SandboxControl {
  constructor(private readonly url: string) {}

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.url}/__sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (res.status >= 300) throw new Error(`sandbox control ${method} ${path} → ${res.status}: ${await res.text()}`)
    return res
  }

  async reset(): Promise<void> {
    await this.send("POST", "/reset")
  }

  async fault(spec: FaultSpec): Promise<void> {
    await this.send("POST", "/faults", spec)
  }

  async clearFaults(): Promise<void> {
    await this.send("DELETE", "/faults")
  }

  async requests(): Promise<LoggedRequest[]> {
    return ((await (await this.send("GET", "/requests")).json()) as { items: LoggedRequest[] }).items
  }

  async clearRequests(): Promise<void> {
    await this.send("DELETE", "/requests")
  }

  async emails(): Promise<SentEmail[]> {
    return ((await (await this.send("GET", "/emails")).json()) as { items: SentEmail[] }).items
  }

  /** Moves the sandbox clock forward (its asynchronous work, e.g. tenant deletion, completes meanwhile). */
  async advanceClock(ms: number): Promise<void> {
    await this.send("PUT", "/clock", { advance_ms: ms })
  }

  /** Back to the host's time. */
  async releaseClock(): Promise<void> {
    await this.send("DELETE", "/clock")
  }

  async setUsages(items: Array<{ tenant_id: string; offering_item: string; edition?: string; infra_id?: string; date: string; value: number }>): Promise<void> {
    await this.send("PUT", "/usages", { items })
  }
}

export interface ContractTarget {
  live: boolean
  baseUrl: string
  clientId: string
  clientSecret: string
  control?: SandboxControl
  stop(): Promise<void>
}

export async function startTarget(): Promise<ContractTarget> {
  if (LIVE) {
    return {
      live: true,
      baseUrl: process.env.ACRONIS_BASE_URL!,
      clientId: process.env.ACRONIS_CLIENT_ID!,
      clientSecret: process.env.ACRONIS_CLIENT_SECRET!,
      stop: async () => undefined,
    }
  }
  const sandbox = await startAcronisSandbox({ port: 0, controlApi: true, usageRefreshHours: 0 })
  return {
    live: false,
    baseUrl: sandbox.url,
    clientId: sandbox.clientId,
    clientSecret: sandbox.clientSecret,
    control: new SandboxControl(sandbox.url),
    stop: () => sandbox.stop(),
  }
}
