import { APPLICATION_IDS } from "../catalogue"
import { SandboxHttp, useSandbox } from "./sandbox-client"

const BACKUP = APPLICATION_IDS.backup

/** Usage reads filter by edition: a client that names none gets the legacy `standard` edition only. */
describe("Acronis sandbox: usages by edition", () => {
  const suite = useSandbox()
  let http: SandboxHttp
  let tenant: { id: string }
  beforeAll(() => ({ http } = suite))
  beforeEach(async () => {
    await http.control("POST", "/reset")
    http = suite.http
    tenant = await http.createTenant("Acme")
    await http.api("PUT", `/tenants/${tenant.id}/offering_items`, {
      offering_items: [
        { application_id: BACKUP, name: "pw_base_workstations", status: 1 },
        { application_id: BACKUP, name: "local_storage", status: 1 },
      ],
    })
    const today = new Date().toISOString().slice(0, 10)
    await http.control("PUT", "/usages", {
      items: [
        { tenant_id: tenant.id, offering_item: "pw_base_workstations", date: today, value: 3 },
        { tenant_id: tenant.id, offering_item: "local_storage", date: today, value: 1024 },
      ],
    })
  })

  const names = (usages: { name: string }[]) => usages.map((u) => u.name).sort()

  it("without `editions`, leaves out the per-workload usages and keeps the edition-less ones", async () => {
    const single = await http.api("GET", `/tenants/${tenant.id}/usages`)
    expect(single.status).toBe(200)
    expect(names(single.body.items)).toEqual(["local_storage"])
    const batch = await http.api("GET", `/tenants/usages?tenants=${tenant.id}`)
    expect(names(batch.body.items[0].usages)).toEqual(["local_storage"])
  })

  it("with the editions named, returns their usages", async () => {
    const single = await http.api("GET", `/tenants/${tenant.id}/usages?editions=pck_per_workload,fss_per_user`)
    expect(names(single.body.items)).toEqual(["local_storage", "pw_base_workstations"])
    const batch = await http.api("GET", `/tenants/usages?tenants=${tenant.id}&editions=pck_per_gigabyte`)
    expect(names(batch.body.items[0].usages)).toEqual(["local_storage"])
  })
})
