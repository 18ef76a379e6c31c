// Names the admin and the storefront show for Acronis offering items instead of their API names (pg_base_workstations).
// The prefix says how the item is billed; the rest says what it counts.

const BILLING_MODELS: [prefix: string, label: string][] = [
  ["pg_", "per gigabyte"],
  ["pw_", "per workload"],
  ["pu_", "per user"],
]

const ITEMS: Record<string, string> = {
  base_workstations: "Workstations",
  base_servers: "Servers",
  base_vms: "Virtual machines",
  base_storage: "Backup storage",
  base_mobiles: "Mobile devices",
  base_m365_seats: "Microsoft 365 seats",
  base_gworkspace_seats: "Google Workspace seats",
  base_web_hosting_servers: "Web hosting servers",
  base_nas: "NAS",
  base_dr_base: "Disaster recovery",
  base_adv_dr_compute_points: "Disaster recovery compute points",
  base_adv_dr_storage: "Disaster recovery storage",
  base_adv_dr_cloud_servers: "Disaster recovery cloud servers",
  base_adv_dr_internet_access: "Disaster recovery internet access",
  base_fc_seats: "File Connect seats",
  base_fc_storage: "File Connect storage",
  base_websites: "Websites",
  base_m365_sharepoint_sites: "Microsoft 365 SharePoint sites",
  base_m365_teams: "Microsoft 365 Teams",
  pack_adv_backup_workstations: "Advanced Backup: workstations",
  pack_adv_backup_servers: "Advanced Backup: servers",
  pack_adv_backup_vms: "Advanced Backup: virtual machines",
  pack_adv_backup_web_hosting_servers: "Advanced Backup: web hosting servers",
  pack_adv_management: "Advanced Management",
  pack_adv_security: "Advanced Security",
  pack_adv_dlp: "Advanced Data Loss Prevention",
  pack_adv_email_security: "Advanced Email Security",
  local_storage: "Local storage",
  esignatures: "E-signatures",
}

const FILE_SYNC_SHARE: Record<string, string> = {
  fss_per_user: "File Sync & Share — per user",
  fss_per_gigabyte: "File Sync & Share — per gigabyte",
  fss_legacy: "File Sync & Share — legacy",
}

const capitalised = (words: string) => words.charAt(0).toUpperCase() + words.slice(1)

/** "pw_base_workstations" → "Workstations — per workload"; an unknown item keeps a readable form of its name. */
export function offeringItemLabel(name: string): string {
  if (FILE_SYNC_SHARE[name]) return FILE_SYNC_SHARE[name]
  const model = BILLING_MODELS.find(([prefix]) => name.startsWith(prefix))
  const rest = model ? name.slice(model[0].length) : name
  const what = ITEMS[rest] ?? capitalised(rest.replace(/^(base|pack)_/, "").replace(/_/g, " "))
  return model ? `${what} — ${model[1]}` : what
}

const UNITS: Record<string, string> = { bytes: "GB", quantity: "", seconds: "hours", n_a: "" }

/** What a measurement unit counts, or "" when it is a plain count (the admin shows no "n/a"). */
export function measurementUnitLabel(unit: string | null | undefined): string {
  if (!unit) return ""
  return UNITS[unit] ?? (unit === "n/a" ? "" : unit)
}

const EDITIONS: Record<string, string> = {
  pck_per_gigabyte: "Cyber Protect — per gigabyte",
  pck_per_workload: "Cyber Protect — per workload",
  fss_per_user: "File Sync & Share — per user",
  fss_per_gigabyte: "File Sync & Share — per gigabyte",
  fss_legacy: "File Sync & Share — legacy",
}

/** An Acronis edition by its product name; an unknown one as Acronis spells it. */
export function editionLabel(edition: string | null | undefined): string {
  if (!edition) return "—"
  return EDITIONS[edition] ?? edition
}

// What one unit of a counted item is, where it is not a workload (a machine, a mailbox, a site…).
const COUNTED: [pattern: RegExp, noun: string][] = [
  [/seats$/, "seat"],
  [/^drives_shipped/, "drive"],
  [/^notarizations$/, "notarization"],
  [/^esignatures$/, "e-signature"],
]

/**
 * What a usage price is per, as the monthly statement bills it: storage (bytes) per GB of the month's peak or
 * last day, compute (seconds) per hour used, every count per unit of the month's peak. Null when the unit is unknown.
 */
export function unitPriceBasis(name: string, measurementUnit: string | null | undefined): string | null {
  if (measurementUnit === "bytes") return "per GB a month"
  if (measurementUnit === "seconds") return "per hour of compute"
  if (measurementUnit !== "quantity") return null
  const noun = COUNTED.find(([pattern]) => pattern.test(name))?.[1] ?? "workload"
  return `per ${noun} a month`
}
