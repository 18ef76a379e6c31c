/**
 * The services, storages and offering items the sandbox's datacenter offers. Names, editions and
 * application ids come from the reference (section 5/6); the real catalogue varies per datacenter,
 * so clients should read `available_for_child` rather than hard-code this list.
 */
export type OfferingItemType = "count" | "feature" | "infra"
export type MeasurementUnit = "bytes" | "quantity" | "seconds" | "n/a"

export interface Application {
  id: string
  name: string
  type: string
  api_base_url: string
}

export const APPLICATION_IDS = {
  backup: "6e6d758d-8e74-3ae3-ac84-50eb0dff12eb",
  files_cloud: "dfd85a5f-a464-32ab-81fd-99bcc66a070f",
  physical_data_shipping: "b71b2c18-590a-303c-9d5a-8444fbe713ac",
  notary: "f9c5744e-bd1a-36b6-b0f0-ecd7483e1796",
  platform: "7459244f-68f3-3bf4-9f53-5f63ecc1d91f",
} as const

export const APPLICATIONS: Application[] = [
  { id: APPLICATION_IDS.backup, name: "Backup", type: "backup", api_base_url: "/bc/" },
  { id: APPLICATION_IDS.files_cloud, name: "File Sync & Share", type: "files_cloud", api_base_url: "/fc/" },
  {
    id: APPLICATION_IDS.physical_data_shipping,
    name: "Physical Data Shipping",
    type: "physical_data_shipping",
    api_base_url: "/pds/",
  },
  { id: APPLICATION_IDS.notary, name: "Notary", type: "notary", api_base_url: "/notary/console" },
  { id: APPLICATION_IDS.platform, name: "Management Portal", type: "platform", api_base_url: "/mc/" },
]

/** Storages ("infras"). Two backup storages so the one-storage-per-customer rule can bite. */
export const INFRA_IDS = {
  acronisBackupStorage: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700001",
  partnerBackupStorage: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700002",
  disasterRecoverySite: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700003",
  filesCloudStorage: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700004",
} as const

/**
 * The storages as `GET /infra` describes them (spec `infra`: id, owner, location, name "displayed to the users",
 * url, capabilities, backend type, version). Platform-owned: Acronis's own data centres, one partner-hosted
 * storage. Names are what a buyer picks a data location by.
 */
export const INFRAS = [
  { id: INFRA_IDS.acronisBackupStorage, name: "Acronis Cloud Storage (Frankfurt, EU)", location_id: "10ca7100-0000-4000-8000-000000000001", platform_owned: true, url: "acronis+fes://eu2-storage.sandbox.invalid:44445", capabilities: ["backup"], backend_type: "acronis" },
  { id: INFRA_IDS.partnerBackupStorage, name: "Partner-hosted Storage (Virginia, US)", location_id: "10ca7100-0000-4000-8000-000000000002", platform_owned: false, url: "acronis+fes://partner-storage.sandbox.invalid:44445", capabilities: ["backup"], backend_type: "acronis" },
  { id: INFRA_IDS.disasterRecoverySite, name: "Acronis Disaster Recovery Site (Frankfurt, EU)", location_id: "10ca7100-0000-4000-8000-000000000001", platform_owned: true, url: "amazon+s3://dr.sandbox.invalid", capabilities: ["disaster_recovery"], backend_type: "acronis" },
  { id: INFRA_IDS.filesCloudStorage, name: "Acronis Files Cloud Storage (Frankfurt, EU)", location_id: "10ca7100-0000-4000-8000-000000000001", platform_owned: true, url: "acronis+fes://fc.sandbox.invalid:44445", capabilities: ["files_cloud"], backend_type: "acronis" },
] as const

export interface OfferingItemDef {
  application_id: string
  name: string
  edition: string | null
  usage_name: string
  type: OfferingItemType
  measurement_unit: MeasurementUnit
  /** Set for infra items: one catalogue entry per storage. */
  infra_id?: string
}

const backup = APPLICATION_IDS.backup
const files = APPLICATION_IDS.files_cloud

function counts(application_id: string, edition: string | null, prefix: string, usages: string[][]): OfferingItemDef[] {
  return usages.map(([suffix, usage_name = suffix]) => ({
    application_id,
    name: `${prefix}${suffix}`,
    edition,
    usage_name,
    type: "count",
    measurement_unit: "quantity",
  }))
}

function features(application_id: string, edition: string | null, prefix: string, usages: string[][]): OfferingItemDef[] {
  return counts(application_id, edition, prefix, usages).map((def) => ({ ...def, type: "feature", measurement_unit: "n/a" }))
}

function infra(def: Omit<OfferingItemDef, "type" | "infra_id">, infraIds: string[]): OfferingItemDef[] {
  return infraIds.map((infra_id) => ({ ...def, type: "infra", infra_id }))
}

const backupStorages = [INFRA_IDS.acronisBackupStorage, INFRA_IDS.partnerBackupStorage]
const dr = [INFRA_IDS.disasterRecoverySite]

/** A feature tied to a storage (DR): Acronis lists it with the storage's `infra_id` but as type `feature`. */
function infraFeature(def: Omit<OfferingItemDef, "type" | "infra_id" | "measurement_unit">, infraIds: string[]): OfferingItemDef[] {
  return infraIds.map((infra_id) => ({ ...def, type: "feature", measurement_unit: "n/a", infra_id }))
}

/*
 * Names, types, units and usage names of the per-workload, FSS per-user and edition-less items follow a live
 * `pck_per_workload`/`fss_per_user` listing from us5-cloud (2022, published in a public PowerShell script);
 * edition names and prefixes follow Acronis's offering-item page
 * (https://developer.acronis.com/doc/outbound/apis/api-library/account/offering-items/obj-structures.html).
 * What neither shows is listed as UNCONFIRMED in the README.
 */
export const OFFERING_ITEMS: OfferingItemDef[] = [
  // Cyber Protection, per workload
  ...counts(backup, "pck_per_workload", "pw_base_", [
    ["workstations"],
    ["servers"],
    ["vms"],
    ["mobiles"],
    ["websites"],
    ["web_hosting_servers"],
    ["m365_seats", "mailboxes"],
    ["m365_sharepoint_sites", "o365_sharepoint_sites"],
    ["m365_teams", "o365_teams"],
    ["gworkspace_seats", "gsuite_seats"],
  ]),
  ...features(backup, "pck_per_workload", "pw_base_", [
    ["m365_mailboxes", "o365_mailboxes"],
    ["m365_onedrive", "o365_onedrive"],
    ["google_mail"],
    ["google_drive"],
    ["google_team_drive"],
  ]),
  ...infra({ application_id: backup, name: "pw_base_storage", edition: "pck_per_workload", usage_name: "storage", measurement_unit: "bytes" }, backupStorages),
  ...infraFeature({ application_id: backup, name: "pw_base_dr_base", edition: "pck_per_workload", usage_name: "dr_base" }, dr),
  ...infra({ application_id: backup, name: "pw_base_adv_dr_storage", edition: "pck_per_workload", usage_name: "dr_storage", measurement_unit: "bytes" }, dr),
  // Compute points are seconds and cumulative (value since range_start, absolute all-time).
  ...infra({ application_id: backup, name: "pw_base_adv_dr_compute_points", edition: "pck_per_workload", usage_name: "compute_points", measurement_unit: "seconds" }, dr),
  ...infra({ application_id: backup, name: "pw_base_adv_dr_cloud_servers", edition: "pck_per_workload", usage_name: "dr_cloud_servers", measurement_unit: "quantity" }, dr),
  ...infraFeature({ application_id: backup, name: "pw_base_adv_dr_internet_access", edition: "pck_per_workload", usage_name: "dr_internet_access" }, dr),
  // Advanced packs: usage name `pack_` + the suffix, except e-mail security, counted per mailbox.
  ...counts(backup, "pck_per_workload", "pw_pack_", [
    ["adv_backup_workstations", "pack_adv_backup_workstations"],
    ["adv_backup_servers", "pack_adv_backup_servers"],
    ["adv_backup_vms", "pack_adv_backup_vms"],
    ["adv_backup_web_hosting_servers", "pack_adv_backup_web_hosting_servers"],
    ["adv_management", "pack_adv_management"],
    ["adv_security", "pack_adv_security"],
    ["adv_email_security", "pack_adv_email_security_mailboxes"],
    ["adv_dlp", "pack_adv_dlp"],
  ]),
  // Cyber Protection, per gigabyte
  ...infra({ application_id: backup, name: "pg_base_storage", edition: "pck_per_gigabyte", usage_name: "storage", measurement_unit: "bytes" }, backupStorages),
  ...counts(backup, "pck_per_gigabyte", "pg_base_", [
    ["workstations"],
    ["servers"],
    ["vms"],
    ["mobiles"],
    ["m365_seats", "mailboxes"],
    ["gworkspace_seats", "gsuite_seats"],
  ]),
  // Edition-less: a count in bytes with a quota in the live listing (the spec's older example shows a feature).
  { application_id: backup, name: "local_storage", edition: null, usage_name: "local_storage", type: "count", measurement_unit: "bytes" },
  // File Sync & Share: per user (pu_base_), per gigabyte (pg_base_) and legacy (no prefix). There is no
  // per-workload edition; the plugin maps the storefront's "per workload" to one of these (README).
  ...counts(files, "fss_per_user", "pu_base_", [["fc_seats"]]),
  ...infra({ application_id: files, name: "pu_base_fc_storage", edition: "fss_per_user", usage_name: "fc_storage", measurement_unit: "bytes" }, [INFRA_IDS.filesCloudStorage]),
  ...counts(files, "fss_per_gigabyte", "pg_base_", [["fc_seats"]]),
  ...infra({ application_id: files, name: "pg_base_fc_storage", edition: "fss_per_gigabyte", usage_name: "fc_storage", measurement_unit: "bytes" }, [INFRA_IDS.filesCloudStorage]),
  ...counts(files, "fss_legacy", "", [["fc_seats"]]),
  ...infra({ application_id: files, name: "fc_storage", edition: "fss_legacy", usage_name: "fc_storage", measurement_unit: "bytes" }, [INFRA_IDS.filesCloudStorage]),
  // Services without editions
  ...counts(APPLICATION_IDS.physical_data_shipping, null, "", [["drives_shipped_to_cloud"], ["drives_shipped_from_cloud"]]),
  { application_id: APPLICATION_IDS.notary, name: "notary_storage", edition: null, usage_name: "notary_storage", type: "count", measurement_unit: "bytes" },
  ...counts(APPLICATION_IDS.notary, null, "", [["notarizations"], ["esignatures"]]),
]

/** Offering items are identified by name, plus storage for infra items. */
export function offeringItemKey(name: string, infraId?: string | null): string {
  return infraId ? `${name}@${infraId}` : name
}

const byKey = new Map(OFFERING_ITEMS.map((def) => [offeringItemKey(def.name, def.infra_id), def]))

export function findOfferingItem(name: string, infraId?: string | null): OfferingItemDef | undefined {
  return byKey.get(offeringItemKey(name, infraId))
}

export function offeringItemsNamed(name: string): OfferingItemDef[] {
  return OFFERING_ITEMS.filter((def) => def.name === name)
}

export function applicationUsages(applicationId: string): string[] {
  const names = OFFERING_ITEMS.filter((def) => def.application_id === applicationId).map((def) => def.usage_name)
  return [...new Set(names)].sort()
}

/** Backup storage is the resource the one-storage-per-customer rule is about. */
export function isBackupStorage(def: OfferingItemDef): boolean {
  return def.application_id === APPLICATION_IDS.backup && def.usage_name === "storage"
}
