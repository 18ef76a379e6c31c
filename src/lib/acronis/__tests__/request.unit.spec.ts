import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { inspect } from "node:util"
import { gzipSync } from "node:zlib"
import { AcronisApiError, AcronisClient } from ".."

/*
 * Request-core behaviour against a scripted local HTTP server: token caching, re-auth, retry policy,
 * timeouts, error shapes, secrecy. The contract suite covers the same client against the sandbox.
 */

const SECRET = "s3cr3t-client-secret-value"
const TOKEN = "tok-abcdefghijklmnopqrstuvwxyz"
const TENANT = {
  id: "11111111-1111-1111-1111-111111111111",
  version: 1,
  name: "Acme",
  kind: "customer",
  parent_id: "22222222-2222-2222-2222-222222222222",
  enabled: true,
  internal_tag: null,
  created_at: "2024-05-01T10:00:00",
}

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void

interface Recorded {
  method: string
  url: string
  headers: IncomingMessage["headers"]
  body: string
}

let server: Server
let baseUrl: string
let handlers: Handler[] = []
let fallback: Handler
let requests: Recorded[] = []
let tokenCalls = 0

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

function tokenHandler(req: IncomingMessage, res: ServerResponse, expiresIn = 7200): void {
  tokenCalls++
  json(res, 200, {
    access_token: `${TOKEN}-${tokenCalls}`,
    token_type: "bearer",
    expires_in: expiresIn,
    expires_on: Math.floor(Date.now() / 1000) + expiresIn,
    id_token: "id",
  })
}

/** Queue one-shot handlers for API (non-token) requests; then `fallback` answers. */
function next(...list: Handler[]): void {
  handlers.push(...list)
}

function client(overrides: Partial<ConstructorParameters<typeof AcronisClient>[0]> = {}): AcronisClient {
  return new AcronisClient({
    baseUrl,
    clientId: "client-id",
    clientSecret: SECRET,
    retryBaseDelayMs: 5,
    timeoutMs: 2000,
    ...overrides,
  })
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body })
      if (req.url === "/api/2/idp/token") return tokenHandler(req, res)
      const handler = handlers.shift() ?? fallback
      handler(req, res, body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  handlers = []
  requests = []
  tokenCalls = 0
  fallback = (_req, res) => json(res, 200, TENANT)
})

const apiRequests = () => requests.filter((r) => r.url !== "/api/2/idp/token")

describe("auth", () => {
  it("gets a token with Basic auth and a form body, then sends it as Bearer", async () => {
    const acronis = client()
    await acronis.tenants.get(TENANT.id)
    const tokenReq = requests.find((r) => r.url === "/api/2/idp/token")!
    expect(tokenReq.method).toBe("POST")
    expect(tokenReq.headers.authorization).toBe(`Basic ${Buffer.from(`client-id:${SECRET}`).toString("base64")}`)
    expect(tokenReq.headers["content-type"]).toBe("application/x-www-form-urlencoded")
    expect(tokenReq.body).toBe("grant_type=client_credentials")
    const api = apiRequests()[0]
    expect(api.headers.authorization).toBe(`Bearer ${TOKEN}-1`)
    expect(api.headers.accept).toBe("application/json")
    expect(api.headers["user-agent"]).toMatch(/^medusa-plugin-acronis\/\d+\.\d+\.\d+/)
  })

  it("caches the token and shares one in-flight token request between concurrent calls", async () => {
    const acronis = client()
    await Promise.all([1, 2, 3, 4, 5].map(() => acronis.tenants.get(TENANT.id)))
    await acronis.tenants.get(TENANT.id)
    expect(tokenCalls).toBe(1)
  })

  it("re-authenticates once on 401 and retries the call, even a create", async () => {
    const acronis = client()
    next((_req, res) => json(res, 401, { error: { code: 401, message: "Unauthorized", domain: "x", details: {} } }))
    next((_req, res) => json(res, 201, TENANT))
    await acronis.tenants.create({ name: "Acme", kind: "customer", parent_id: TENANT.parent_id })
    expect(tokenCalls).toBe(2)
    const api = apiRequests()
    expect(api.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}-1`, `Bearer ${TOKEN}-2`])
  })

  it("gives up after one re-authentication", async () => {
    const acronis = client()
    const unauthorized: Handler = (_req, res) => json(res, 401, { error: { code: 401, message: "Unauthorized" } })
    next(unauthorized, unauthorized, unauthorized)
    await expect(acronis.tenants.get(TENANT.id)).rejects.toMatchObject({ kind: "http", status: 401 })
    expect(apiRequests()).toHaveLength(2)
  })
})

describe("retries", () => {
  it("retries GET on 503 with back-off, twice by default (Acronis: retry 50x twice)", async () => {
    const acronis = client()
    const unavailable: Handler = (_req, res) => json(res, 503, { error: { code: 503, message: "busy" } })
    next(unavailable, unavailable)
    await expect(acronis.tenants.get(TENANT.id)).resolves.toMatchObject({ id: TENANT.id })
    expect(apiRequests()).toHaveLength(3)
  })

  it("waits out 429s apart from the 5xx budget", async () => {
    const acronis = client({ maxRetries: 0 })
    const limited: Handler = (_req, res) => json(res, 429, {}, { "retry-after": "0" })
    next(limited, limited)
    await expect(acronis.tenants.get(TENANT.id)).resolves.toMatchObject({ id: TENANT.id })
    expect(apiRequests()).toHaveLength(3)
  })

  it("retries a safe call on 500, as Acronis asks of clients (check_login at checkout)", async () => {
    const acronis = client()
    const failing: Handler = (_req, res) => json(res, 500, { error: { code: 500, message: "internal error" } })
    const free: Handler = (_req, res) => {
      res.statusCode = 204
      res.end()
    }
    next(failing, free)
    await expect(acronis.users.checkLogin("someone")).resolves.toEqual({ available: true })
    expect(apiRequests()).toHaveLength(2)
  })

  it("stops after maxRetries and reports the attempts", async () => {
    const acronis = client({ maxRetries: 1 })
    const unavailable: Handler = (_req, res) => json(res, 502, {})
    next(unavailable, unavailable, unavailable)
    const error = await acronis.tenants.get(TENANT.id).catch((e) => e)
    expect(error).toBeInstanceOf(AcronisApiError)
    expect(error).toMatchObject({ kind: "http", status: 502, retryable: true, attempts: 2 })
  })

  it("honours Retry-After on 429", async () => {
    const acronis = client()
    next((_req, res) => json(res, 429, {}, { "retry-after": "0.3" }))
    const started = Date.now()
    await acronis.tenants.get(TENANT.id)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it("does not retry a create on 503 but marks the error retryable", async () => {
    const acronis = client()
    next((_req, res) => json(res, 503, { error: { code: 503, message: "busy" } }))
    const error = await acronis.users
      .create({ tenant_id: TENANT.id, login: "x", contact: { email: "a@b.c" } })
      .catch((e) => e)
    expect(error).toMatchObject({ kind: "http", status: 503, retryable: true, attempts: 1 })
    expect(apiRequests()).toHaveLength(1)
  })

  it("retries a create on 429 (refused before processing)", async () => {
    const acronis = client()
    next((_req, res) => json(res, 429, {}, { "retry-after": "0" }), (_req, res) => json(res, 201, TENANT))
    await acronis.tenants.create({ name: "Acme", kind: "customer", parent_id: TENANT.parent_id })
    expect(apiRequests()).toHaveLength(2)
  })

  it("does not retry 4xx answers", async () => {
    const acronis = client()
    next((_req, res) => json(res, 404, { error: { code: 1005, message: "Tenant not found", domain: "PlatformAccountServer", details: { info: null } } }))
    const error = await acronis.tenants.get(TENANT.id).catch((e) => e)
    expect(error).toMatchObject({ status: 404, code: 1005, domain: "PlatformAccountServer", retryable: false })
    expect(error.message).toContain("Tenant not found")
    expect(apiRequests()).toHaveLength(1)
  })

  it("times out a hanging attempt and retries it", async () => {
    const acronis = client({ timeoutMs: 150 })
    next(() => undefined /* never answers */)
    await expect(acronis.tenants.get(TENANT.id)).resolves.toMatchObject({ id: TENANT.id })
    expect(apiRequests()).toHaveLength(2)
  })

  it("throws kind timeout when every attempt hangs", async () => {
    const acronis = client({ timeoutMs: 100, maxRetries: 1 })
    next(() => undefined, () => undefined)
    const error = await acronis.tenants.get(TENANT.id).catch((e) => e)
    expect(error).toMatchObject({ kind: "timeout", status: 0, retryable: true, attempts: 2 })
  })

  it("throws kind network for a dropped connection on a create, without retrying", async () => {
    const acronis = client()
    next((req) => req.socket.destroy())
    const error = await acronis.tenants
      .create({ name: "Acme", kind: "customer", parent_id: TENANT.parent_id })
      .catch((e) => e)
    expect(error).toMatchObject({ kind: "network", status: 0, retryable: true, method: "POST", path: "/api/2/tenants" })
    expect(apiRequests()).toHaveLength(1)
  })
})

describe("responses", () => {
  it("names the path and field of an unexpected shape", async () => {
    const acronis = client()
    next((_req, res) => json(res, 200, { ...TENANT, version: "1" }))
    const error = await acronis.tenants.get(TENANT.id).catch((e) => e)
    expect(error).toMatchObject({ kind: "invalid_response", status: 200, retryable: false })
    expect(error.message).toContain(`/api/2/tenants/${TENANT.id}`)
    expect(error.message).toContain("`version`")
  })

  it("keeps unknown fields", async () => {
    const acronis = client()
    next((_req, res) => json(res, 200, { ...TENANT, brand_new_field: 42 }))
    expect(await acronis.tenants.get(TENANT.id)).toMatchObject({ brand_new_field: 42 })
  })

  it("maps check_login 204/409 to available", async () => {
    const acronis = client()
    next((_req, res) => res.writeHead(204).end(), (_req, res) => json(res, 409, { error: { code: 409, message: "taken" } }))
    expect(await acronis.users.checkLogin("free")).toEqual({ available: true })
    expect(await acronis.users.checkLogin("taken")).toEqual({ available: false })
    expect(apiRequests()[0].url).toBe("/api/2/users/check_login?username=free")
  })

  it("downloads gzip and plain report files", async () => {
    const acronis = client()
    const file = { params: { kind: 5 }, tenants: [{ tenant_uuid: TENANT.id, value: 3 }] }
    next(
      (_req, res) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(gzipSync(JSON.stringify(file))),
      (_req, res) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(JSON.stringify(file))
    )
    expect(await acronis.reports.download("r", "s")).toEqual(file)
    expect(await acronis.reports.download("r", "s")).toEqual(file)
  })

  it("splits usage requests into chunks of 100 tenants", async () => {
    const acronis = client()
    fallback = (req, res) => {
      const tenants = new URL(req.url!, baseUrl).searchParams.get("tenants")!.split(",")
      json(res, 200, { items: tenants.map((tenant) => ({ tenant, usages: [] })) })
    }
    const ids = Array.from({ length: 250 }, (_, i) => `t-${i}`)
    const result = await acronis.usages.listForTenants(ids)
    expect(result.map((r) => r.tenant)).toEqual(ids)
    expect(apiRequests()).toHaveLength(3)
  })

  it("pages children with the cursor alone after the first page", async () => {
    const acronis = client()
    next(
      (_req, res) => json(res, 200, { timestamp: "t", items: [TENANT], paging: { cursors: { after: "c1" } } }),
      (_req, res) => json(res, 200, { timestamp: "t", items: [{ ...TENANT, id: "b" }], paging: { cursors: {} } })
    )
    const ids: string[] = []
    for await (const tenant of acronis.tenants.iterateChildren("parent", { pageSize: 1 })) ids.push(tenant.id)
    expect(ids).toEqual([TENANT.id, "b"])
    expect(apiRequests().map((r) => r.url)).toEqual(["/api/2/tenants?parent_id=parent&limit=1", "/api/2/tenants?after=c1&limit=1"])
  })
})

describe("secrecy", () => {
  it("keeps the secret and tokens out of a serialized error, even when the server echoes them", async () => {
    const acronis = client()
    await acronis.tenants.get(TENANT.id) // caches token 1
    next((_req, res) =>
      json(res, 400, {
        error: {
          code: "bad",
          message: `echo ${SECRET} and ${TOKEN}-1`,
          details: { info: `info ${TOKEN}-1` },
          context: { secret: SECRET },
        },
      })
    )
    const error = await acronis.tenants.get(TENANT.id).catch((e) => e)
    expect(error).toBeInstanceOf(AcronisApiError)
    for (const text of [JSON.stringify(error), String(error), inspect(error), error.stack]) {
      expect(text).not.toContain(SECRET)
      expect(text).not.toContain(`${TOKEN}-1`)
      expect(text).not.toContain("Bearer")
    }
    expect(error.message).toContain("[redacted]")
  })

  it("reports a rejected token request without the credentials", async () => {
    const bad = new AcronisClient({ baseUrl: `${baseUrl}/nope`, clientId: "client-id", clientSecret: SECRET, maxRetries: 0 })
    fallback = (_req, res) => json(res, 404, {})
    const error = await bad.tenants.get(TENANT.id).catch((e) => e)
    expect(error).toMatchObject({ kind: "http", status: 404, path: "/api/2/idp/token" })
    expect(JSON.stringify(error) + inspect(error)).not.toContain(SECRET)
  })
})
