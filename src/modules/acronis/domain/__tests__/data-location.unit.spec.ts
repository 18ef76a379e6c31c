import { planDataLocationMove, type DataLocationMoveInput } from "../data-location"

const BACKUP = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb"
const FRANKFURT = "infra-frankfurt"
const VIRGINIA = "infra-virginia"
const LOCATIONS = [
  { id: FRANKFURT, name: "Frankfurt", offering_items: ["pw_base_storage", "pg_base_storage"] },
  { id: VIRGINIA, name: "Virginia", offering_items: ["pw_base_storage"] },
]
const CLOUD_ORDER = { deployment: "cloud", payment: "post_paid", package: "team", data_location: FRANKFURT, data_location_confirmed: true }
const storage = (infra_id: string, status: 0 | 1 = 1, name = "pw_base_storage") => ({
  application_id: BACKUP,
  name,
  type: "infra" as const,
  infra_id,
  status,
  quota: status ? { value: 1024, overage: 0, version: 17 } : undefined,
})

const input = (over: Partial<DataLocationMoveInput> = {}): DataLocationMoveInput => ({
  subscription: { id: "acsub_1", type: "plan", status: "active", tenant_id: "tenant-1", metadata: { plan_order: CLOUD_ORDER } },
  requested: VIRGINIA,
  locations: LOCATIONS,
  tenant_items: [storage(FRANKFURT), storage(VIRGINIA, 0), { application_id: BACKUP, name: "pw_base_workstations", type: "count", infra_id: undefined, status: 1, quota: { value: 10, overage: 0, version: 3 } }],
  usages: [{ name: "pw_base_storage", infra_id: FRANKFURT, value: 0 }, { name: "pw_base_workstations", value: 4 }],
  ...over,
})

describe("moving a cloud plan's data location", () => {
  it("moves an unused tenant's storage items to the new storage, quotas kept, in one PUT", () => {
    expect(planDataLocationMove(input())).toEqual({
      outcome: "moved",
      from: { id: FRANKFURT, name: "Frankfurt" },
      to: { id: VIRGINIA, name: "Virginia" },
      storage_usage: 0,
      turn_off: [{ application_id: BACKUP, name: "pw_base_storage", infra_id: FRANKFURT, status: 0 }],
      turn_on: [{ application_id: BACKUP, name: "pw_base_storage", infra_id: VIRGINIA, status: 1, quota: { value: 1024, overage: 0, version: 0 } }],
    })
  })

  it("refuses while the tenant stores anything on the storage it would leave; other usage does not count", () => {
    const used = input({ usages: [{ name: "pw_base_storage", infra_id: FRANKFURT, value: 1 }] })
    expect(() => planDataLocationMove(used)).toThrow(/^data_location: the tenant already stores 1 bytes in Frankfurt; Acronis changes a tenant's storage only while its usage is 0/)
  })

  it("changes nothing when the tenant already is there; finishes a move whose record was lost", () => {
    expect(planDataLocationMove(input({ requested: FRANKFURT }))).toEqual(expect.objectContaining({ outcome: "unchanged", turn_off: [], turn_on: [] }))
    // Acronis moved, the subscription still says Frankfurt: only the record is left to do.
    const moved = input({ tenant_items: [storage(FRANKFURT, 0), storage(VIRGINIA)], usages: [{ name: "pw_base_storage", infra_id: VIRGINIA, value: 5 }] })
    expect(planDataLocationMove(moved)).toEqual(expect.objectContaining({ outcome: "moved", turn_off: [], turn_on: [] }))
  })

  it.each([
    ["a storage the plan's parent does not offer", input({ requested: "infra-elsewhere" }), /^data_location: infra-elsewhere is not a storage this plan can use; choose one of infra-frankfurt \(Frankfurt\), infra-virginia \(Virginia\)/],
    ["a storage without one of the tenant's items", input({ tenant_items: [storage(FRANKFURT, 1, "pg_base_storage")] }), /^data_location: Virginia does not offer pg_base_storage/],
    ["a SaaS plan", input({ subscription: { ...input().subscription, metadata: { plan_order: { ...CLOUD_ORDER, deployment: "saas", data_location: null } } } }), /^data_location: acsub_1 is a SaaS plan/],
    ["a plan without its order form", input({ subscription: { ...input().subscription, metadata: {} } }), /^data_location: acsub_1 is not a plan ordered with its order form/],
    ["a pay-per-use subscription", input({ subscription: { ...input().subscription, type: "ppu" } }), /^data_location: acsub_1 is not a plan/],
    ["a suspended subscription", input({ subscription: { ...input().subscription, status: "suspended" } }), /^data_location: acsub_1 is suspended/],
  ])("refuses %s with a 400 naming data_location", (_, request, message) => {
    expect(() => planDataLocationMove(request)).toThrow(message)
  })
})
