/** Test helper: plain fetch against a running sandbox (deliberately not the plugin's Acronis client). */
import { startAcronisSandbox, type RunningAcronisSandbox } from "../index"

export interface JsonResponse {
  status: number
  headers: Headers
  body: any
}

export class SandboxHttp {
  private token: string | undefined

  constructor(readonly sandbox: RunningAcronisSandbox) {}

  async getToken(): Promise<string> {
    const basic = Buffer.from(`${this.sandbox.clientId}:${this.sandbox.clientSecret}`).toString("base64")
    const res = await fetch(`${this.sandbox.url}/api/2/idp/token`, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    })
    const body = (await res.json()) as { access_token: string }
    this.token = body.access_token
    return this.token
  }

  /** Calls `/api/2${path}` with a bearer token and a JSON body. */
  async api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const token = this.token ?? (await this.getToken())
    return this.raw(method, `/api/2${path}`, body, { authorization: `Bearer ${token}`, ...headers })
  }

  control(method: string, path: string, body?: unknown): Promise<JsonResponse> {
    return this.raw(method, `/__sandbox${path}`, body)
  }

  async raw(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
    const init: RequestInit = { method, headers: { ...headers } }
    if (body !== undefined) {
      init.body = typeof body === "string" ? body : JSON.stringify(body)
      ;(init.headers as Record<string, string>)["content-type"] ??= "application/json"
    }
    const res = await fetch(`${this.sandbox.url}${path}`, init)
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
  }

  async createTenant(name: string, kind = "customer", parentId = this.sandbox.rootTenantId, extra: Record<string, unknown> = {}) {
    const res = await this.api("POST", "/tenants", { name, kind, parent_id: parentId, ...extra })
    if (res.status !== 201) throw new Error(`createTenant ${name}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body as { id: string; version: number; [key: string]: unknown }
  }
}

/** One sandbox for a suite, stopped after it, and a plain-fetch caller bound to it (set in `beforeAll`). */
export function useSandbox(): { sandbox: RunningAcronisSandbox; http: SandboxHttp } {
  const suite = {} as { sandbox: RunningAcronisSandbox; http: SandboxHttp }
  beforeAll(async () => {
    suite.sandbox = await startAcronisSandbox()
    suite.http = new SandboxHttp(suite.sandbox)
  })
  afterAll(() => suite.sandbox.stop())
  return suite
}
