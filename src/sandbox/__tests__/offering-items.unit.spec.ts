import { APPLICATION_IDS, INFRA_IDS } from "../catalogue"
import type { RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

const BACKUP = APPLICATION_IDS.backup

describe("Acronis sandbox: applications and offering items", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(() => http.control("POST", "/reset"))

  it("lists the seeded applications with the ids from the spec", async () => {
    const res = await http.api("GET", "/applications")
    expect(res.status).toBe(200)
    const byType = Object.fromEntries(res.body.items.map((a: any) => [a.type, a.id]))
    expect(byType).toEqual({
      backup: "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb",
      files_cloud: "dfd85a5f-a464-32ab-81fd-99bcc66a070f",
      physical_data_shipping: "b71b2c18-590a-303c-9d5a-8444fbe713ac",
      notary: "f9c5744e-bd1a-36b6-b0f0-ecd7483e1796",
      platform: "7459244f-68f3-3bf4-9f53-5f63ecc1d91f",
    })
    expect(res.body.items.find((a: any) => a.type === "backup").usages).toContain("storage")
  })

  it("reads storages by id with the name users see and their capabilities; an unknown id is a 404, no ids a 400", async () => {
    const ids = [INFRA_IDS.partnerBackupStorage, INFRA_IDS.disasterRecoverySite].join(",")
    const batch = await http.api("GET", `/infra?uuids=${ids}`)
    expect(batch.status).toBe(200)
    expect(batch.body.items).toEqual([
      expect.objectContaining({ id: INFRA_IDS.partnerBackupStorage, name: expect.any(String), capabilities: ["backup"], location_id: expect.any(String), version: expect.any(Number) }),
      expect.objectContaining({ id: INFRA_IDS.disasterRecoverySite, capabilities: ["disaster_recovery"] }),
    ])
    expect((await http.api("GET", `/infra/${INFRA_IDS.acronisBackupStorage}`)).body.name).toEqual(expect.any(String))
    expect((await http.api("GET", "/infra/0a1e0000-5b5e-4c0d-9e7a-acc0b57000ff")).status).toBe(404)
    expect((await http.api("GET", "/infra")).status).toBe(400)
  })

  it("enables and disables a service with bindings (204)", async () => {
    const tenant = await http.createTenant("Acme")
    const path = `/applications/${BACKUP}/bindings/tenants/${tenant.id}`
    expect((await http.api("POST", path)).status).toBe(204)
    expect((await http.api("GET", `/tenants/${tenant.id}/applications`)).body.items).toContain(BACKUP)
    expect((await http.api("DELETE", path)).status).toBe(204)
    expect((await http.api("GET", `/tenants/${tenant.id}/applications`)).body.items).not.toContain(BACKUP)
  })

  it("filters by edition: default `standard` shows only edition-less items, `*` shows all", async () => {
    const root = sandbox.rootTenantId
    const standard = await http.api("GET", `/tenants/${root}/offering_items`)
    expect(standard.body.items.every((i: any) => i.edition === null)).toBe(true)

    const all = await http.api("GET", `/tenants/${root}/offering_items?edition=*`)
    const names = all.body.items.map((i: any) => `${i.edition}:${i.name}`)
    expect(names).toEqual(
      expect.arrayContaining([
        "pck_per_workload:pw_base_workstations",
        "pck_per_workload:pw_base_storage",
        "pck_per_gigabyte:pg_base_storage",
        "fss_per_user:pu_base_fc_seats",
        "fss_per_user:pu_base_fc_storage",
        "fss_per_gigabyte:pg_base_fc_seats",
        "fss_legacy:fc_seats",
        "fss_legacy:fc_storage",
        "null:drives_shipped_to_cloud",
        "null:notarizations",
      ])
    )
    // File Sync & Share has per-user, per-gigabyte and legacy editions, and no per-workload one.
    const fssEditions = new Set(all.body.items.filter((i: any) => i.application_id === APPLICATION_IDS.files_cloud).map((i: any) => i.edition))
    expect([...fssEditions].sort()).toEqual(["fss_legacy", "fss_per_gigabyte", "fss_per_user"])
    const storage = all.body.items.find((i: any) => i.name === "pw_base_storage")
    expect(storage).toMatchObject({ type: "infra", measurement_unit: "bytes", infra_id: expect.any(String), status: 1 })

    const perWorkload = await http.api("GET", `/tenants/${root}/offering_items?edition=pck_per_workload`)
    expect(perWorkload.body.items.every((i: any) => i.edition === "pck_per_workload" || i.edition === null)).toBe(true)
  })

  it("shows what a parent can give a child", async () => {
    const res = await http.api(
      "GET",
      `/tenants/${sandbox.rootTenantId}/offering_items/available_for_child?kind=customer&edition=pck_per_workload`
    )
    expect(res.status).toBe(200)
    // offeringItemList requires `timestamp` as well as `items`.
    expect(typeof res.body.timestamp).toBe("string")
    expect(res.body.items.map((i: any) => i.name)).toContain("pw_base_servers")
    expect(res.body.items.some((i: any) => i.edition === "pck_per_gigabyte")).toBe(false)
  })

  it("new customers list items disabled, without a quota key, until PUT enables them", async () => {
    const tenant = await http.createTenant("Acme")
    const before = await http.api("GET", `/tenants/${tenant.id}/offering_items?edition=pck_per_workload`)
    const servers = before.body.items.find((i: any) => i.name === "pw_base_servers")
    expect(servers.status).toBe(0)
    expect(servers).not.toHaveProperty("quota")

    const put = await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [
        { application_id: BACKUP, name: "pw_base_servers", status: 1, quota: { value: 5, overage: 0, version: 0 } },
        { application_id: BACKUP, name: "pw_base_storage", infra_id: INFRA_IDS.acronisBackupStorage, status: 1 },
      ],
    })
    expect(put.status).toBe(200)
    const updated = put.body.items.find((i: any) => i.name === "pw_base_servers")
    expect(updated).toMatchObject({ status: 1, quota: { value: 5, overage: 0, version: expect.any(Number) } })
    expect(updated.quota.version).toBeGreaterThan(0)
    expect(put.body.items.find((i: any) => i.name === "pw_base_storage").quota).toEqual({ value: null, overage: null, version: 0 })
    // Enabling an item enables its service.
    expect((await http.api("GET", `/tenants/${tenant.id}/applications`)).body.items).toContain(BACKUP)
  })

  it("refuses unknown fields where the spec says additionalProperties: false (the body and quota), not on items", async () => {
    const tenant = await http.createTenant("Acme")
    const put = (body: unknown) => http.api("PUT", `/tenants/${tenant.id}/offering_items`, body)
    const item = (quota: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      application_id: BACKUP,
      name: "pw_base_servers",
      status: 1,
      quota,
      ...extra,
    })
    const refused = [
      { offering_items: [item({ value: 5, overage: 0, version: 0 })], dry_run: true },
      { offering_items: [item({ value: 5, overage: 0, version: 0, soft: true })] },
      // value, overage and version are all required in `quota`.
      { offering_items: [item({ value: 5, version: 0 })] },
    ]
    for (const body of refused) {
      const res = await put(body)
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
    }
    const servers = async () =>
      (await http.api("GET", `/tenants/${tenant.id}/offering_items?edition=*`)).body.items.find((i: any) => i.name === "pw_base_servers")
    expect((await servers()).status).toBe(0)

    // The item schema itself allows more fields (e.g. the edition a GET shows).
    const ok = await put({ offering_items: [item({ value: 5, overage: 0, version: 0 }, { edition: "pck_per_workload" })], check_usage: true })
    expect(ok.status).toBe(200)
    expect(typeof ok.body.timestamp).toBe("string")
    expect((await servers()).quota).toMatchObject({ value: 5, overage: 0 })
  })

  it("answers 426 for a stale quota version", async () => {
    const tenant = await http.createTenant("Acme")
    const set = (version: number, value: number) =>
      http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
        offering_items: [{ application_id: BACKUP, name: "pw_base_servers", status: 1, quota: { value, overage: 0, version } }],
      })
    const first = await set(0, 5)
    const version = first.body.items[0].quota.version
    expect((await set(version, 6)).status).toBe(200)
    const stale = await set(version, 7)
    expect(stale.status).toBe(426)
    expect(stale.body.error).toMatchObject({ domain: "PlatformAccountServer", message: expect.any(String) })
  })

  it("refuses an item the parent does not have: code 1021", async () => {
    const partner = await http.createTenant("Reseller", "partner")
    await http.api("PUT", `/tenants/${partner.id}/offering_items`, {
      offering_items: [{ application_id: BACKUP, name: "pw_base_workstations", status: 1 }],
    })
    const customer = await http.createTenant("Acme", "customer", partner.id)
    const ok = await http.api("PUT", `/tenants/${customer.id}/offering_items`, {
      offering_items: [{ application_id: BACKUP, name: "pw_base_workstations", status: 1 }],
    })
    expect(ok.status).toBe(200)
    const refused = await http.api("PUT", `/tenants/${customer.id}/offering_items`, {
      offering_items: [{ application_id: BACKUP, name: "pw_base_servers", status: 1 }],
    })
    expect(refused.status).toBe(400)
    expect(refused.body.error.code).toBe(1021)
    const available = await http.api("GET", `/tenants/${partner.id}/offering_items/available_for_child?edition=*`)
    expect(available.body.items.map((i: any) => i.name)).toEqual(["pw_base_workstations"])
  })

  it("allows only one backup storage per customer", async () => {
    const tenant = await http.createTenant("Acme")
    const enable = (infra_id: string) =>
      http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
        offering_items: [{ application_id: BACKUP, name: "pw_base_storage", infra_id, status: 1 }],
      })
    expect((await enable(INFRA_IDS.acronisBackupStorage)).status).toBe(200)
    const second = await enable(INFRA_IDS.partnerBackupStorage)
    expect(second.status).toBe(400)
    expect(second.body.error.code).toBe(1027)
  })

  it("moves a customer's storage in one PUT only while it stores nothing, with or without check_usage", async () => {
    const tenant = await http.createTenant("Acme")
    const storage = (infra_id: string, status: 0 | 1) => ({ application_id: BACKUP, name: "pw_base_storage", infra_id, status })
    const move = (from: string, to: string, check_usage?: boolean) =>
      http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
        offering_items: [storage(from, 0), storage(to, 1)],
        ...(check_usage !== undefined && { check_usage }),
      })
    await http.api("PUT", `/tenants/${tenant.id}/offering_items`, { offering_items: [storage(INFRA_IDS.acronisBackupStorage, 1)] })
    // Empty: the move is one PUT (one storage per customer holds on the state after it).
    expect((await move(INFRA_IDS.acronisBackupStorage, INFRA_IDS.partnerBackupStorage)).status).toBe(200)

    await http.control("PUT", "/timing", { usage_refresh_hours: 0 })
    await http.control("PUT", "/usages", {
      items: [{ tenant_id: tenant.id, offering_item: "pw_base_storage", infra_id: INFRA_IDS.partnerBackupStorage, date: new Date().toISOString().slice(0, 10), value: 1024 }],
    })
    for (const checkUsage of [undefined, false, true]) {
      const refused = await move(INFRA_IDS.partnerBackupStorage, INFRA_IDS.acronisBackupStorage, checkUsage)
      expect([checkUsage, refused.status, refused.body.error.code]).toEqual([checkUsage, 400, 1027])
      expect(refused.body.error.message).toMatch(checkUsage ? /cannot be disabled while it has usage/ : /only while its usage is 0/)
    }
    const items = (await http.api("GET", `/tenants/${tenant.id}/offering_items?edition=*`)).body.items
    expect(items.filter((i: any) => i.name === "pw_base_storage" && i.status === 1).map((i: any) => i.infra_id)).toEqual([INFRA_IDS.partnerBackupStorage])
  })

  it("names items as the live per-workload listing does: pack usage names, DR features on their storage, local storage in bytes", async () => {
    const all = (await http.api("GET", `/tenants/${sandbox.rootTenantId}/offering_items?edition=*`)).body.items
    const byName = (name: string) => all.find((i: any) => i.name === name)
    expect(byName("pw_pack_adv_backup_servers")).toMatchObject({ usage_name: "pack_adv_backup_servers", type: "count", measurement_unit: "quantity" })
    expect(byName("pw_pack_adv_email_security")).toMatchObject({ usage_name: "pack_adv_email_security_mailboxes" })
    expect(byName("pw_base_dr_base")).toMatchObject({ type: "feature", measurement_unit: "n/a", infra_id: INFRA_IDS.disasterRecoverySite })
    expect(byName("pw_base_adv_dr_internet_access")).toMatchObject({ type: "feature", infra_id: INFRA_IDS.disasterRecoverySite })
    expect(byName("local_storage")).toMatchObject({ edition: null, type: "count", measurement_unit: "bytes" })
  })

  it("gives a customer one edition per service: a second edition is refused, a switch in one PUT is not", async () => {
    const tenant = await http.createTenant("Acme")
    const put = (offering_items: unknown[]) => http.api("PUT", `/tenants/${tenant.id}/offering_items`, { offering_items })
    const perWorkload = { application_id: BACKUP, name: "pw_base_workstations" }
    const perGigabyte = { application_id: BACKUP, name: "pg_base_workstations" }
    expect((await put([{ ...perWorkload, status: 1 }, { application_id: BACKUP, name: "local_storage", status: 1 }])).status).toBe(200)

    const second = await put([{ ...perGigabyte, status: 1 }])
    expect(second.status).toBe(400)
    expect(second.body.error).toMatchObject({ code: 1027, context: { application_id: BACKUP, editions: ["pck_per_gigabyte", "pck_per_workload"] } })
    const items = (await http.api("GET", `/tenants/${tenant.id}/offering_items?edition=*&status=1`)).body.items
    expect(items.map((i: any) => i.name).sort()).toEqual(["local_storage", "pw_base_workstations"])

    // Another service's edition is no second edition; nor is an edition-less item.
    expect((await put([{ application_id: APPLICATION_IDS.files_cloud, name: "pu_base_fc_seats", status: 1 }])).status).toBe(200)
    // Turning the old edition off in the same request switches.
    const switched = await put([{ ...perGigabyte, status: 1 }, { ...perWorkload, status: 0 }])
    expect(switched.status).toBe(200)
    const after = (await http.api("GET", `/tenants/${tenant.id}/offering_items?edition=*&status=1`)).body.items
    expect(after.map((i: any) => `${i.edition}:${i.name}`).sort()).toEqual(["fss_per_user:pu_base_fc_seats", "null:local_storage", "pck_per_gigabyte:pg_base_workstations"])
  })

  it("lets a partner hold every edition, for its customers to pick from", async () => {
    const partner = await http.createTenant("Reseller", "partner")
    const res = await http.api("PUT", `/tenants/${partner.id}/offering_items`, {
      offering_items: [
        { application_id: BACKUP, name: "pw_base_workstations", status: 1 },
        { application_id: BACKUP, name: "pg_base_workstations", status: 1 },
      ],
    })
    expect(res.status).toBe(200)
  })

  it("disabling an item drops its quota", async () => {
    const tenant = await http.createTenant("Acme")
    await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [{ application_id: BACKUP, name: "pw_base_vms", status: 1, quota: { value: 2, overage: 1, version: 0 } }],
    })
    const off = await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [{ application_id: BACKUP, name: "pw_base_vms", status: 0 }],
    })
    expect(off.body.items[0].status).toBe(0)
    expect(off.body.items[0]).not.toHaveProperty("quota")
  })
})
