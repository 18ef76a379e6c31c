import { request } from "node:http"
import { gunzipSync } from "node:zlib"
import { APPLICATION_IDS, INFRA_IDS } from "../catalogue"
import type { RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

const GiB = 1024 ** 3

function day(offset: number): string {
  const date = new Date()
  date.setUTCDate(date.getUTCDate() + offset)
  return date.toISOString().slice(0, 10)
}

/** Raw download so the gzip encoding itself can be checked (fetch would inflate it silently). */
function download(url: string, token: string, acceptEncoding?: string): Promise<{ status: number; encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` }
    if (acceptEncoding) headers["accept-encoding"] = acceptEncoding
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }))
    })
      .on("error", reject)
      .end()
  })
}

describe("Acronis sandbox: usage and reports", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  let tenant: { id: string }
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(async () => {
    await http.control("POST", "/reset")
    tenant = await http.createTenant("Acme")
    await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [
        { application_id: APPLICATION_IDS.backup, name: "pw_base_workstations", status: 1 },
        { application_id: APPLICATION_IDS.backup, name: "pw_base_storage", infra_id: INFRA_IDS.acronisBackupStorage, status: 1 },
      ],
    })
  })

  it("reports current usage per tenant, carrying the last known day forward", async () => {
    const set = await http.control("PUT", "/usages", {
      items: [
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-3), value: 4 },
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-1), value: 7 },
        { tenant_id: tenant.id, offering_item: "pw_base_storage", date: day(-2), value: 50 * GiB },
      ],
    })
    expect(set.status).toBe(204)

    const res = await http.api("GET", `/tenants/usages?tenants=${tenant.id}&editions=pck_per_workload`)
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0].tenant).toBe(tenant.id)
    const usages = res.body.items[0].usages
    const workstations = usages.find((u: any) => u.name === "pw_base_workstations")
    expect(workstations).toMatchObject({
      application_id: APPLICATION_IDS.backup,
      edition: "pck_per_workload",
      usage_name: "workstations",
      type: "count",
      measurement_unit: "quantity",
      tenant_uuid: tenant.id,
      tenant_id: expect.any(Number),
      range_start: `${day(0).slice(0, 7)}-01T00:00:00`,
      value: 7,
      absolute_value: 7,
      offering_item: { status: 1, quota: { value: null, overage: null, version: 0 } },
    })
    expect(usages.find((u: any) => u.name === "pw_base_storage")).toMatchObject({
      type: "infra",
      infra_id: INFRA_IDS.acronisBackupStorage,
      value: 50 * GiB,
      measurement_unit: "bytes",
    })

    const series = await http.control("GET", `/usages?tenant_id=${tenant.id}`)
    expect(series.body.items.find((s: any) => s.offering_item === "pw_base_workstations").series).toEqual([
      { date: day(-3), value: 4 },
      { date: day(-1), value: 7 },
    ])
  })

  it("needs the tenants filter", async () => {
    expect((await http.api("GET", "/tenants/usages")).status).toBe(400)
  })

  // Only `Date` is faked, so the sandbox's HTTP server and timers keep running. The token is issued again under
  // the faked clock: one from the real clock is expired (or not yet valid) at a faked instant hours away.
  const atUtc = async (instant: string) => {
    jest.useFakeTimers({ now: new Date(instant), doNotFake: ["nextTick", "setImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] })
    await http.getToken()
  }
  afterEach(async () => {
    jest.useRealTimers()
    // A token issued under a faked clock is already expired in real time.
    await http.getToken()
  })

  it("refuses a report that reaches yesterday while Acronis computes the usage history (1 to 6 am UTC)", async () => {
    const report = (start: string, end: string) =>
      http.api("POST", "/reports", {
        parameters: { kind: "usage_summary", tenant_id: sandbox.rootTenantId, level: "accounts", period: { start, end }, formats: ["json_v2_0"] },
        schedule: { type: "once" },
        result_action: "save",
        recipients: [],
      })
    await atUtc("2026-10-01T03:00:00Z")
    const early = await report("2026-09-01", "2026-09-30")
    expect(early.status).toBe(400)
    expect(early.body.error.message).toMatch(/not ready/)
    // An older month is ready, and so is the month that just ended after 6 am.
    expect((await report("2026-08-01", "2026-08-31")).status).toBe(200)
    await atUtc("2026-10-01T06:00:00Z")
    expect((await report("2026-09-01", "2026-09-30")).status).toBe(200)
    await atUtc("2026-10-01T00:30:00Z")
    expect((await report("2026-09-01", "2026-09-30")).status).toBe(200)
  })

  it("creates a usage_summary report, shows it in progress, then saved, and serves it as JSON or gzip", async () => {
    await atUtc(`${day(0)}T12:00:00Z`)
    await http.control("PUT", "/usages", {
      items: [{ tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-1), value: 3 }],
    })
    const created = await http.api("POST", "/reports", {
      parameters: {
        kind: "usage_summary",
        tenant_id: sandbox.rootTenantId,
        level: "accounts",
        period: { start: day(-5), end: day(0) },
        formats: ["json_v2_0"],
        show_skus: true,
        hide_zero_usage: true,
      },
      schedule: { type: "once" },
      result_action: "save",
      recipients: [],
    })
    expect(created.status).toBe(200)
    expect(created.body).toMatchObject({ id: expect.any(String), version: 1, result_action: "save", schedule: { type: "once" } })

    const first = await http.api("GET", `/reports/${created.body.id}/stored`)
    expect(first.body.items).toEqual([expect.objectContaining({ report_format: "json_v2_0", status: "in_progress" })])
    const second = await http.api("GET", `/reports/${created.body.id}/stored`)
    const stored = second.body.items[0]
    expect(stored).toMatchObject({ status: "saved", size: expect.any(Number), id: expect.any(String) })

    const url = `${sandbox.url}/api/2/reports/${created.body.id}/stored/${stored.id}`
    const token = await http.getToken()
    const plain = await download(url, token)
    expect(plain.status).toBe(200)
    expect(plain.encoding).toBeUndefined()
    const report = JSON.parse(plain.body.toString("utf8"))
    expect(report.params).toMatchObject({ kind: 5, name: "Sandbox MSP", report_level: 3, begin_date: expect.any(Number) })
    // hide_zero_usage leaves only the tenant's non-zero usage.
    expect(report.tenants).toEqual([expect.objectContaining({ tenant_uuid: tenant.id, name: "pw_base_workstations", value: 3 })])

    const gz = await download(url, token, "gzip")
    expect(gz.encoding).toBe("gzip")
    expect(gz.body.length).toBe(stored.size)
    expect(JSON.parse(gunzipSync(gz.body).toString("utf8"))).toEqual(report)
  })

  it("computes the summary for the requested period, not today", async () => {
    await http.control("PUT", "/usages", {
      items: [
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-10), value: 2 },
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-1), value: 9 },
      ],
    })
    const created = await http.api("POST", "/reports", {
      parameters: { kind: "usage_summary", tenant_id: sandbox.rootTenantId, level: "accounts", period: { start: day(-12), end: day(-5) }, formats: ["json_v2_0"] },
      schedule: { type: "once" },
      result_action: "save",
      recipients: [],
    })
    await http.api("GET", `/reports/${created.body.id}/stored`)
    const stored = (await http.api("GET", `/reports/${created.body.id}/stored`)).body.items[0]
    const file = await http.api("GET", `/reports/${created.body.id}/stored/${stored.id}`)
    expect(file.body.tenants.find((u: any) => u.name === "pw_base_workstations").value).toBe(2)
  })

  it("refuses a report period in the future", async () => {
    const res = await http.api("POST", "/reports", {
      parameters: { kind: "usage_summary", tenant_id: sandbox.rootTenantId, level: "accounts", period: { start: day(0), end: day(3) }, formats: ["json_v2_0"] },
      schedule: { type: "once" },
      result_action: "save",
      recipients: [],
    })
    expect(res.status).toBe(400)
  })
})
