import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { startAcronisSandbox, type RunningAcronisSandbox } from "../index"
import { SandboxHttp, useSandbox } from "./sandbox-client"

describe("Acronis sandbox: asynchronous tenant deletion", () => {
  const suite = useSandbox()
  let sandbox: RunningAcronisSandbox
  let http: SandboxHttp
  beforeAll(() => ({ sandbox, http } = suite))
  beforeEach(async () => {
    await http.control("POST", "/reset")
    await http.control("PUT", "/clock", { at: "2026-05-04T10:00:00Z" })
  })

  /** A disabled customer with a unit and a user, as termination leaves it just before the DELETE. */
  async function disabledCustomer(name: string) {
    const tenant = await http.createTenant(name)
    const unit = await http.createTenant(`${name} unit`, "unit", tenant.id)
    const user = await http.api("POST", "/users", { tenant_id: tenant.id, login: `${name.toLowerCase().replace(/\W/g, "")}.admin`, contact: { email: "a@deletion.test" } })
    expect(user.status).toBe(200)
    const off = await http.api("PUT", `/tenants/${tenant.id}`, { version: tenant.version, enabled: false })
    return { tenant: off.body as { id: string; version: number }, unit, userId: user.body.id as string }
  }

  it("answers 204 at once and shows the tenant and its subtree as deleting, readable but not gone", async () => {
    const { tenant, unit } = await disabledCustomer("Leaving Co")
    expect((await http.api("DELETE", `/tenants/${tenant.id}?version=${tenant.version}`)).status).toBe(204)

    const during = await http.api("GET", `/tenants/${tenant.id}`)
    expect(during.status).toBe(200)
    expect(during.body).toMatchObject({ id: tenant.id, external_operation_status: "deleting", deleted_at: null, version: tenant.version + 1 })
    expect((await http.api("GET", `/tenants/${unit.id}`)).body).toMatchObject({ external_operation_status: "deleting", deleted_at: null })
    const children = await http.api("GET", `/tenants?parent_id=${sandbox.rootTenantId}`)
    expect(children.body.items.find((t: { id: string }) => t.id === tenant.id)).toMatchObject({ external_operation_status: "deleting" })
  })

  it("refuses writes meanwhile with code 1011: a second delete, an update, an offering-item change", async () => {
    const { tenant } = await disabledCustomer("Busy Co")
    await http.api("DELETE", `/tenants/${tenant.id}?version=${tenant.version}`)
    const { version } = (await http.api("GET", `/tenants/${tenant.id}`)).body

    for (const [method, path, body] of [
      ["DELETE", `/tenants/${tenant.id}?version=${version}`, undefined],
      ["PUT", `/tenants/${tenant.id}`, { version, enabled: true }],
      ["PUT", `/tenants/${tenant.id}/offering_items`, { offering_items: [] }],
    ] as const) {
      const refused = await http.api(method, path, body)
      expect([method, path, refused.status]).toEqual([method, path, 400])
      expect(refused.body.error).toEqual({
        code: 1011,
        domain: "PlatformAccountServer",
        message: "Deprovisioning in progress.",
        details: { info: `Deprovisioning of tenant "${tenant.id}" is in progress.` },
        context: { id: tenant.id },
      })
    }
    expect((await http.api("GET", `/tenants/${tenant.id}`)).body).toMatchObject({ enabled: false, version })
  })

  it("is gone when the sandbox clock passes the deletion time: 404, deleted_at with allow_deleted, users deleted", async () => {
    const { tenant, unit, userId } = await disabledCustomer("Gone Co")
    await http.api("DELETE", `/tenants/${tenant.id}?version=${tenant.version}`)

    await http.control("PUT", "/clock", { advance_ms: 59_000 })
    expect((await http.api("GET", `/tenants/${tenant.id}`)).body.external_operation_status).toBe("deleting")

    await http.control("PUT", "/clock", { advance_ms: 1_000 })
    const gone = await http.api("GET", `/tenants/${tenant.id}`)
    expect(gone.status).toBe(404)
    expect(gone.body.error.code).toBe(1005)
    expect((await http.api("GET", `/tenants/${unit.id}`)).status).toBe(404)
    const deleted = await http.api("GET", `/tenants/${tenant.id}?allow_deleted=true`)
    expect(deleted.body).toMatchObject({ deleted_at: "2026-05-04T10:01:00", external_operation_status: null })
    expect((await http.api("GET", `/users/${userId}`)).status).toBe(404)
    // The name is free again, and a delete now answers 404.
    await http.createTenant("Gone Co")
    expect((await http.api("DELETE", `/tenants/${tenant.id}?version=${deleted.body.version}`)).status).toBe(404)
  })

  it("takes as long as the tenantDeletionSeconds option says", async () => {
    const quick = await startAcronisSandbox({ tenantDeletionSeconds: 5 })
    try {
      const caller = new SandboxHttp(quick)
      await caller.control("PUT", "/clock", { at: "2026-05-04T10:00:00Z" })
      const tenant = await caller.createTenant("Quick Co")
      await caller.api("PUT", `/tenants/${tenant.id}`, { version: tenant.version, enabled: false })
      await caller.api("DELETE", `/tenants/${tenant.id}?version=${tenant.version + 1}`)
      await caller.control("PUT", "/clock", { advance_ms: 5_000 })
      expect((await caller.api("GET", `/tenants/${tenant.id}`)).status).toBe(404)
    } finally {
      await quick.stop()
    }
  })

  it("keeps a deletion in progress across a restart with statePath, and completes it on time", async () => {
    const dir = mkdtempSync(join(tmpdir(), "acronis-sandbox-"))
    const statePath = join(dir, "state.json")
    try {
      const first = await startAcronisSandbox({ statePath })
      const caller = new SandboxHttp(first)
      const tenant = await caller.createTenant("Restarted Co")
      await caller.api("PUT", `/tenants/${tenant.id}`, { version: tenant.version, enabled: false })
      await caller.api("DELETE", `/tenants/${tenant.id}?version=${tenant.version + 1}`)
      await first.stop()

      const second = await startAcronisSandbox({ statePath })
      try {
        const again = new SandboxHttp(second)
        expect((await again.api("GET", `/tenants/${tenant.id}`)).body.external_operation_status).toBe("deleting")
        await again.control("PUT", "/clock", { advance_ms: 60_000 })
        expect((await again.api("GET", `/tenants/${tenant.id}`)).status).toBe(404)
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
