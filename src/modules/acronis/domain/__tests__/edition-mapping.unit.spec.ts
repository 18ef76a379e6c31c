import type { AcronisCatalogue } from "../../service"
import { DEFAULT_EDITION_MAPPING, describeEditionMapping, mappedEditions, type EditionMapping } from "../licensing"
import { findCatalogueProblems } from "../offer-catalogue"
import { editionClashes, editionsForSubscription } from "../tenant-offering"

const BACKUP = "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb"
const FILES = "dfd85a5f-a464-32ab-81fd-99bcc66a070f"

const item = (name: string, edition: string | null, application_id = BACKUP) => ({
  name,
  edition,
  application_id,
  type: "count" as const,
  measurement_unit: "quantity" as const,
  usage_name: name,
})

/** A parent offering per-workload and per-gigabyte Protection and per-user File Sync & Share, no per-gigabyte one. */
const catalogue: AcronisCatalogue = {
  parent_tenant_id: "root",
  kind: "customer",
  applications: [
    { id: BACKUP, type: "backup", name: "Backup" },
    { id: FILES, type: "files_cloud", name: "File Sync & Share" },
  ],
  editions: ["fss_per_user", "pck_per_gigabyte", "pck_per_workload"],
  offering_items: [item("pw_base_workstations", "pck_per_workload"), item("pg_base_workstations", "pck_per_gigabyte"), item("pu_base_fc_seats", "fss_per_user", FILES)],
}

const ppu = { type: "ppu" as const, protection_models: ["per_workload" as const], file_sync_share_models: ["per_user" as const, "per_workload" as const], offering_items: [], unit_prices: {} }

describe("edition mapping", () => {
  it("sells File Sync & Share per workload as fss_per_user by default, and names each edition once", () => {
    expect(editionsForSubscription(ppu, { protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_workload" }, DEFAULT_EDITION_MAPPING)).toEqual({
      protection: ["pck_per_workload"],
      file_sync_share: ["fss_per_user"],
    })
    expect(mappedEditions(DEFAULT_EDITION_MAPPING)).toEqual(["pck_per_gigabyte", "pck_per_workload", "fss_per_user"])
  })

  it("follows the merchant's mapping", () => {
    const merchant: EditionMapping = { ...DEFAULT_EDITION_MAPPING, file_sync_share: { per_user: "fss_per_user", per_workload: "fss_per_gigabyte" } }
    expect(editionsForSubscription(ppu, { file_sync_share_licensing_model: "per_workload", protection_licensing_model: "per_workload" }, merchant).file_sync_share).toEqual([
      "fss_per_gigabyte",
    ])
  })

  it("accepts an offer whose mapped editions the parent offers", () => {
    expect(findCatalogueProblems(ppu, catalogue, DEFAULT_EDITION_MAPPING)).toEqual([])
  })

  it("refuses a model whose mapped edition the parent does not offer, naming the field, the edition and the option", () => {
    const merchant: EditionMapping = { ...DEFAULT_EDITION_MAPPING, file_sync_share: { per_user: "fss_per_user", per_workload: "fss_per_gigabyte" } }
    expect(findCatalogueProblems(ppu, catalogue, merchant)).toEqual([
      {
        path: "file_sync_share_models.1",
        message:
          "no Acronis edition fss_per_gigabyte is available for customers under this parent tenant (per_workload maps to it through the plugin option editions.file_sync_share.per_workload)",
      },
    ])
  })

  it("shows the admin each model's edition, its default, and whether customers can get it", () => {
    const merchant: EditionMapping = { ...DEFAULT_EDITION_MAPPING, file_sync_share: { per_user: "fss_per_user", per_workload: "fss_legacy" } }
    const rows = describeEditionMapping(merchant, catalogue.editions)
    expect(rows.map((r) => [r.service, r.model, r.label, r.edition, r.default_edition, r.available_for_customers])).toEqual([
      ["protection", "per_gigabyte", "Per gigabyte", "pck_per_gigabyte", "pck_per_gigabyte", true],
      ["protection", "per_workload", "Per workload", "pck_per_workload", "pck_per_workload", true],
      ["file_sync_share", "per_user", "Per user", "fss_per_user", "fss_per_user", true],
      ["file_sync_share", "per_workload", "Per workload", "fss_legacy", "fss_per_user", false],
    ])
    expect(describeEditionMapping(merchant, null).every((r) => r.available_for_customers === null)).toBe(true)
  })

  it("finds a service that would get two editions on one tenant; edition-less items and other services are no clash", () => {
    const available = [...catalogue.offering_items, item("local_storage", null)]
    expect(editionClashes(available, ["pck_per_workload", "fss_per_user"])).toEqual([])
    expect(editionClashes(available, ["pck_per_workload", "fss_per_user", "pck_per_gigabyte"])).toEqual([
      { application_id: BACKUP, editions: ["pck_per_gigabyte", "pck_per_workload"] },
    ])
  })
})
