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
    // Usage set here is read at once; the refresh test sets its own period.
    await http.control("PUT", "/timing", { usage_refresh_hours: 0 })
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

  const setClock = (body: Record<string, unknown>) => http.control("PUT", "/clock", body)
  const summary = (start: string, end: string, extra: Record<string, unknown> = {}) =>
    http.api("POST", "/reports", {
      parameters: { kind: "usage_summary", tenant_id: sandbox.rootTenantId, level: "accounts", period: { start, end }, formats: ["json_v2_0"], ...extra },
      schedule: { type: "once" },
      result_action: "save",
    })
  const storedFile = async (reportId: string, format = "json_v2_0") => {
    const items = (await http.api("GET", `/reports/${reportId}/stored`)).body.items
    const stored = items.find((i: any) => i.report_format === format)
    expect(stored.status).toBe("saved")
    return http.api("GET", `/reports/${reportId}/stored/${stored.id}`)
  }

  it("refuses a report that reaches yesterday while Acronis computes the usage history (1 to 6 am UTC on the sandbox clock)", async () => {
    await setClock({ at: "2026-10-01T03:00:00Z" })
    const early = await summary("2026-09-01", "2026-09-30")
    expect(early.status).toBe(400)
    expect(early.body.error.message).toMatch(/not ready/)
    // An older month is ready, and so is the month that just ended after 6 am.
    expect((await summary("2026-08-01", "2026-08-31")).status).toBe(200)
    await setClock({ at: "2026-10-01T06:00:00Z" })
    expect((await summary("2026-09-01", "2026-09-30")).status).toBe(200)
    await setClock({ at: "2026-10-01T00:30:00Z" })
    expect((await summary("2026-09-01", "2026-09-30")).status).toBe(200)
  })

  it("saves a report without recipients, but will not send one to nobody", async () => {
    expect((await summary(day(-5), day(-2))).status).toBe(200)
    const send = await http.api("POST", "/reports", {
      parameters: { kind: "usage_summary", tenant_id: sandbox.rootTenantId, level: "accounts", period: { start: day(-5), end: day(-2) }, formats: ["csv_v2_0"] },
      schedule: { type: "once" },
      result_action: "send",
    })
    expect(send.status).toBe(400)
    expect(send.body.error.message).toMatch(/recipients/)
  })

  it("keeps a report in progress for reportReadySeconds of sandbox time", async () => {
    await setClock({ at: `${day(0)}T12:00:00Z` })
    await http.control("PUT", "/timing", { report_ready_seconds: 90 })
    const created = await summary(day(-3), day(-1))
    for (let i = 0; i < 3; i++) {
      expect((await http.api("GET", `/reports/${created.body.id}/stored`)).body.items[0].status).toBe("in_progress")
    }
    await setClock({ advance_ms: 89_000 })
    expect((await http.api("GET", `/reports/${created.body.id}/stored`)).body.items[0].status).toBe("in_progress")
    await setClock({ advance_ms: 1_000 })
    expect((await http.api("GET", `/reports/${created.body.id}/stored`)).body.items[0].status).toBe("saved")
  })

  it("shows usage set through the control API from the next refresh on the sandbox clock (every 6 hours by default)", async () => {
    // Reset brings back the start values: the default period.
    await http.control("POST", "/reset")
    expect((await http.control("GET", "/timing")).body).toEqual({ report_ready_seconds: 0, usage_refresh_hours: 6 })
    tenant = await http.createTenant("Acme")
    await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [{ application_id: APPLICATION_IDS.backup, name: "pw_base_workstations", status: 1 }],
    })
    await setClock({ at: `${day(0)}T07:00:00Z` })
    await http.control("PUT", "/usages", { items: [{ tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(0), value: 5 }] })
    const read = async () =>
      (await http.api("GET", `/tenants/${tenant.id}/usages?editions=pck_per_workload`)).body.items.find((u: any) => u.name === "pw_base_workstations").value
    expect(await read()).toBe(0)
    await setClock({ at: `${day(0)}T11:59:59Z` })
    expect(await read()).toBe(0)
    await setClock({ at: `${day(0)}T12:00:00Z` })
    expect(await read()).toBe(5)
  })

  it("accepts usage_current (no period) and usage_daily (one row per day), numbered 8 and 4 in json_v2_0", async () => {
    await setClock({ at: `${day(0)}T12:00:00Z` })
    await http.control("PUT", "/usages", {
      items: [
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-3), value: 2 },
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-1), value: 6 },
      ],
    })
    const post = (parameters: Record<string, unknown>) =>
      http.api("POST", "/reports", {
        parameters: { tenant_id: sandbox.rootTenantId, level: "accounts", formats: ["json_v2_0"], hide_zero_usage: true, ...parameters },
        schedule: { type: "once" },
        result_action: "save",
      })
    const current = await post({ kind: "usage_current" })
    expect(current.status).toBe(200)
    await http.api("GET", `/reports/${current.body.id}/stored`)
    const currentFile = (await storedFile(current.body.id)).body
    expect(currentFile.params).toMatchObject({ kind: 8, report_type: 8 })
    expect(currentFile.tenants).toEqual([expect.objectContaining({ name: "pw_base_workstations", value: 6 })])

    const daily = await post({ kind: "usage_daily", period: { start: day(-3), end: day(-1) } })
    expect(daily.status).toBe(200)
    await http.api("GET", `/reports/${daily.body.id}/stored`)
    const dailyFile = (await storedFile(daily.body.id)).body
    expect(dailyFile.params.kind).toBe(4)
    expect(dailyFile.tenants.map((r: any) => [r.range_start.slice(0, 10), r.value])).toEqual([
      [day(-3), 2],
      [day(-2), 2],
      [day(-1), 6],
    ])
    expect((await post({ kind: "usage_breakdown", period: { start: day(-3), end: day(-1) } })).status).toBe(400)
    expect((await post({ kind: "usage_daily" })).status).toBe(400)
  })

  it("splits usage into trial and production by the tenant's pricing mode, in csv_v2_0 columns and json rows", async () => {
    await setClock({ at: `${day(-2)}T10:00:00Z` })
    const pricing = (await http.api("GET", `/tenants/${tenant.id}/pricing`)).body
    expect((await http.api("PUT", `/tenants/${tenant.id}/pricing`, { mode: "production", version: pricing.version })).status).toBe(200)
    await setClock({ at: `${day(0)}T12:00:00Z` })
    const other = await http.createTenant("Still In Trial")
    await http.api("PUT", `/tenants/${other.id}/offering_items`, {
      offering_items: [{ application_id: APPLICATION_IDS.backup, name: "pw_base_workstations", status: 1 }],
    })
    await http.control("PUT", "/usages", {
      items: [
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-4), value: 3 },
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: day(-1), value: 4 },
        { tenant_id: other.id, offering_item: "pw_base_workstations", date: day(-1), value: 9 },
      ],
    })
    const created = await summary(day(-5), day(-1), { formats: ["json_v2_0", "csv_v2_0"], hide_zero_usage: true })
    await http.api("GET", `/reports/${created.body.id}/stored`)
    const json = (await storedFile(created.body.id)).body
    const row = (id: string) => json.tenants.find((r: any) => r.tenant_uuid === id)
    expect(row(tenant.id).usage.effective).toEqual({ production: 4, trial: 0, total: 4 })
    expect(row(tenant.id).usage.delta).toEqual({ production: 4, trial: 0, total: 4 })
    expect(row(other.id).usage.effective).toEqual({ production: 0, trial: 9, total: 9 })
    // A json_v2_0 row is a usage object: the tenant is `tenant_uuid` (and v1 `tenant_id`), never `tenant`.
    expect(row(tenant.id)).not.toHaveProperty("tenant")
    expect(row(tenant.id).tenant_id).toEqual(expect.any(Number))

    const csvStored = (await http.api("GET", `/reports/${created.body.id}/stored`)).body.items.find((i: any) => i.report_format === "csv_v2_0")
    const text = (await download(`${sandbox.url}/api/2/reports/${created.body.id}/stored/${csvStored.id}`, await http.getToken())).body.toString("utf8")
    const [header, ...lines] = text.trim().split("\n")
    expect(header.split(",")).toEqual([
      "application.id", "edition", "infra.backend_type", "infra.id", "infra.owner_id", "name", "tenant.id", "tenant.kind",
      "usage.absolute.production", "usage.absolute.total", "usage.absolute.trial",
      "usage.delta.production", "usage.delta.total", "usage.delta.trial",
      "usage.effective.production", "usage.effective.total", "usage.effective.trial",
    ])
    const cols = header.split(",")
    const byTenant = Object.fromEntries(lines.map((l) => l.split(",")).map((c) => [c[cols.indexOf("tenant.id")], c]))
    expect(byTenant[other.id][cols.indexOf("usage.effective.trial")]).toBe("9")
    expect(byTenant[other.id][cols.indexOf("usage.effective.production")]).toBe("0")
    expect(byTenant[tenant.id][cols.indexOf("usage.effective.production")]).toBe("4")
    expect(byTenant[tenant.id][cols.indexOf("tenant.kind")]).toBe("customer")
  })

  it("splits compute points consumed in the month by the day they were consumed", async () => {
    await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [{ application_id: APPLICATION_IDS.backup, name: "pw_base_adv_dr_compute_points", infra_id: INFRA_IDS.disasterRecoverySite, status: 1 }],
    })
    await setClock({ at: `${day(-2)}T10:00:00Z` })
    const pricing = (await http.api("GET", `/tenants/${tenant.id}/pricing`)).body
    await http.api("PUT", `/tenants/${tenant.id}/pricing`, { mode: "production", version: pricing.version })
    await setClock({ at: `${day(0)}T12:00:00Z` })
    await http.control("PUT", "/usages", {
      items: [
        { tenant_id: tenant.id, offering_item: "pw_base_adv_dr_compute_points", date: day(-8), value: 1000 },
        { tenant_id: tenant.id, offering_item: "pw_base_adv_dr_compute_points", date: day(-4), value: 1600 },
        { tenant_id: tenant.id, offering_item: "pw_base_adv_dr_compute_points", date: day(-1), value: 2500 },
      ],
    })
    const created = await summary(day(-6), day(-1))
    await http.api("GET", `/reports/${created.body.id}/stored`)
    const json = (await storedFile(created.body.id)).body
    const points = json.tenants.find((r: any) => r.name === "pw_base_adv_dr_compute_points")
    expect(points.usage.effective).toEqual({ production: 900, trial: 600, total: 1500 })
    expect(points.usage.absolute).toEqual({ production: 900, trial: 1600, total: 2500 })
    expect(points.value).toBe(1500)
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
