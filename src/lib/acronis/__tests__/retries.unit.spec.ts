import { AcronisApiError, AcronisClient } from ".."
import { startAcronisSandbox, type RunningAcronisSandbox } from "../../../sandbox"

/*
 * The client's retry policy against the sandbox over HTTP, with failures injected through its control API:
 * 5xx on safe calls retried twice (Acronis: "retry the request twice with a 1-2 seconds interval"), creates
 * never retried blindly, rate limits waited out after Retry-After.
 */

let sandbox: RunningAcronisSandbox
let limited: RunningAcronisSandbox

const control = async (target: RunningAcronisSandbox, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${target.url}/__sandbox${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return res.status === 204 ? undefined : res.json()
}

const requests = async (target: RunningAcronisSandbox, path: string) =>
  ((await control(target, "GET", "/requests")) as { items: { method: string; path: string; status: number | null }[] }).items.filter(
    (r) => r.path === path
  )

const clientFor = (target: RunningAcronisSandbox, options: Partial<ConstructorParameters<typeof AcronisClient>[0]> = {}) =>
  new AcronisClient({ baseUrl: target.url, clientId: target.clientId, clientSecret: target.clientSecret, retryBaseDelayMs: 5, ...options })

beforeAll(async () => {
  sandbox = await startAcronisSandbox()
  // Small enough to reach in a test: 5 requests per 2 s per API client.
  limited = await startAcronisSandbox({ rateLimit: { requests: 5, windowSeconds: 2 } })
})

afterAll(async () => {
  await sandbox.stop()
  await limited.stop()
})

beforeEach(async () => {
  await control(sandbox, "POST", "/reset")
  await control(limited, "POST", "/reset")
})

describe("5xx on safe calls", () => {
  it("gets a tenant on the third try after two 503s", async () => {
    const acronis = clientFor(sandbox)
    const path = `/api/2/tenants/${sandbox.rootTenantId}`
    await control(sandbox, "POST", "/faults", { method: "GET", path, status: 503, times: 2 })
    await expect(acronis.tenants.get(sandbox.rootTenantId)).resolves.toMatchObject({ id: sandbox.rootTenantId })
    expect((await requests(sandbox, path)).map((r) => r.status)).toEqual([503, 503, 200])
  })

  it("gives up after three 503s with an error that names the call, the status and the attempts", async () => {
    const acronis = clientFor(sandbox)
    const path = `/api/2/tenants/${sandbox.rootTenantId}`
    await control(sandbox, "POST", "/faults", { method: "GET", path, status: 503, times: 3 })
    const error = await acronis.tenants.get(sandbox.rootTenantId).catch((e) => e)
    expect(error).toBeInstanceOf(AcronisApiError)
    expect(error).toMatchObject({ kind: "http", status: 503, retryable: true, attempts: 3, method: "GET", path })
    expect(error.message).toContain(`Acronis GET ${path} failed with 503`)
    expect((await requests(sandbox, path)).map((r) => r.status)).toEqual([503, 503, 503])
  })

  it("waits between tries (back-off), and honours a 503's Retry-After", async () => {
    const acronis = clientFor(sandbox, { retryBaseDelayMs: 200 })
    const path = `/api/2/tenants/${sandbox.rootTenantId}`
    await control(sandbox, "POST", "/faults", { method: "GET", path, status: 503, times: 1 })
    let started = Date.now()
    await acronis.tenants.get(sandbox.rootTenantId)
    // Equal jitter: the first wait is between half the base delay and the base delay.
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)

    await control(sandbox, "POST", "/faults", { method: "GET", path, status: 503, times: 1, retryAfter: 1 })
    started = Date.now()
    await acronis.tenants.get(sandbox.rootTenantId)
    expect(Date.now() - started).toBeGreaterThanOrEqual(990)
  })

  it("does not repeat a POST /tenants that answered 503: the tenant may exist", async () => {
    const acronis = clientFor(sandbox)
    await control(sandbox, "POST", "/faults", { method: "POST", path: "/api/2/tenants", status: 503, times: 1 })
    const error = await acronis.tenants
      .create({ name: "Once Only", kind: "customer", parent_id: sandbox.rootTenantId })
      .catch((e) => e)
    expect(error).toMatchObject({ kind: "http", status: 503, retryable: true, attempts: 1 })
    expect(await requests(sandbox, "/api/2/tenants")).toHaveLength(1)
  })
})

describe("rate limits", () => {
  it("waits for the Retry-After of a 429 and then succeeds", async () => {
    const acronis = clientFor(limited, { maxRetries: 0 })
    const path = `/api/2/tenants/${limited.rootTenantId}`
    await acronis.tenants.get(limited.rootTenantId) // the token request and this: 2 of 5
    await Promise.all([1, 2, 3].map(() => acronis.tenants.get(limited.rootTenantId))) // 5 of 5
    const started = Date.now()
    await expect(acronis.tenants.get(limited.rootTenantId)).resolves.toMatchObject({ id: limited.rootTenantId })
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect((await requests(limited, path)).map((r) => r.status)).toEqual([200, 200, 200, 200, 429, 200])
  })

  it("waits out a 429 even on a create, which the server refused before doing anything", async () => {
    const acronis = clientFor(limited)
    await Promise.all([1, 2, 3, 4].map(() => acronis.tenants.get(limited.rootTenantId))) // with the token: 5 of 5
    await acronis.tenants.create({ name: "After the wait", kind: "customer", parent_id: limited.rootTenantId })
    expect((await requests(limited, "/api/2/tenants")).map((r) => r.status)).toEqual([429, 201])
  })
})
