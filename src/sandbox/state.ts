/**
 * The sandbox's in-memory store: a plain JSON-serialisable object, seeded with one root partner
 * tenant that owns the API client, and optionally persisted to a file (debounced writes).
 * Secrets never live here: the client secret is configuration and passwords are not kept.
 */
import { existsSync, readFileSync } from "node:fs"
import { mkdir, rename, writeFile } from "node:fs/promises"
import { dirname } from "node:path"
import { APPLICATIONS, OFFERING_ITEMS, offeringItemKey } from "./catalogue"

export type TenantKind = "root" | "partner" | "folder" | "customer" | "unit"
export type PricingMode = "trial" | "production" | "suspended"

export interface Contact {
  id: string
  created_at: string | null
  updated_at: string | null
  types: string[]
  email: string
  [field: string]: unknown
}

export interface TenantRecord {
  id: string
  /** The API v1 numeric id, which usage objects and reports carry as `tenant_id`. */
  number: number
  version: number
  name: string
  kind: TenantKind
  parent_id: string
  enabled: boolean
  customer_type: string
  customer_id: string | null
  internal_tag: string | null
  language: string
  contact: Contact
  default_idp_id: string
  update_lock: { enabled: boolean; owner_id: string | null }
  ancestral_access: boolean
  mfa_status: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface PricingRecord {
  mode: PricingMode
  currency: string | null
  production_start_date: string | null
  version: number
}

export interface Quota {
  value: number | null
  overage: number | null
  version: number
}

export interface OfferingItemRecord {
  status: 0 | 1
  quota?: Quota
  updated_at: string
}

export interface UserRecord {
  id: string
  version: number
  tenant_id: string
  login: string
  contact: Contact
  activated: boolean
  enabled: boolean
  language: string
  business_types: string[]
  notifications: string[]
  external_id?: string
  /** Set on create only (e.g. the Cyber Application that made the user); null when not given. */
  origin_id?: string | null
  origin_external_id?: string | null
  /** When the platform disables the user by itself; null for never. */
  disable_after?: string | null
  idp_id: string
  personal_tenant_id: string | null
  terms_accepted: boolean
  mfa_status: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface AccessPolicy {
  id: string
  version: number
  trustee_id: string
  trustee_type: string
  issuer_id: string
  tenant_id: string
  role_id: string
  created_at: string
  updated_at: string
  deleted_at: null
}

export interface ReportRecord {
  id: string
  version: number
  parameters: Record<string, unknown>
  schedule: { type: string; enabled: boolean }
  result_action: string
  recipients: string[]
  generation_date: string
  /** Polls of `/stored` still to answer `in_progress` before the files show as saved. */
  pending_polls: number
  /** Sandbox-clock instant (ms) from which the files are saved (once the polls above are used up). */
  ready_at?: number
  stored: { id: string; report_format: string; created_at: string; content: string }[]
}

export interface SentEmail {
  to: string
  user_id: string
  login: string
  kind: "activation"
  sent_at: string
}

export interface SandboxState {
  root_tenant_id: string
  client_id: string
  next_tenant_number: number
  tenants: Record<string, TenantRecord>
  pricing: Record<string, PricingRecord>
  /** tenant id → offering item key (see offeringItemKey) → the tenant's own setting. */
  offering_items: Record<string, Record<string, OfferingItemRecord>>
  /** tenant id → ids of the applications (services) enabled for it. */
  applications: Record<string, string[]>
  users: Record<string, UserRecord>
  access_policies: Record<string, AccessPolicy[]>
  /** tenant id → offering item key → UTC day (YYYY-MM-DD) → value on that day. */
  usage: Record<string, Record<string, Record<string, number>>>
  /** Usage set through the control API that the API shows from the next refresh (`usageRefreshHours`). */
  usage_pending?: { tenant_id: string; key: string; date: string; value: number; at: number }[]
  reports: Record<string, ReportRecord>
  emails: SentEmail[]
  /** tenant id → partner billing setting name → its own value (platform application settings). */
  settings?: Record<string, Record<string, string | number>>
  /** tenant id → when its asynchronous deletion completes (ISO, sandbox clock); see deletion.ts. */
  deletions?: Record<string, string>
  /** The API client's status (`enabled` when unset); see api-clients.ts. */
  client_status?: "enabled" | "disabled"
}

/** The partner's own parent; not visible through the API, like the real distributor above a partner. */
export const PLATFORM_TENANT_ID = "5a4db0c5-0000-4000-8000-000000000000"
export const DEFAULT_ROOT_TENANT_ID = "5a4db0c5-0000-4000-8000-000000000001"
export const DEFAULT_IDP_ID = "11111111-1111-1111-1111-111111111111"
export const BRAND_UUID = "5a4db0c5-0000-4000-8000-0000000b7a4d"
/**
 * Another partner under the same platform tenant, with a customer and a user: it exists, but the API
 * client does not own it, so every API call that names it answers 403 and no listing shows it.
 */
export const FOREIGN_PARTNER_ID = "5a4db0c5-0000-4000-8000-0000000f0001"
export const FOREIGN_CUSTOMER_ID = "5a4db0c5-0000-4000-8000-0000000f0002"
export const FOREIGN_USER_ID = "5a4db0c5-0000-4000-8000-0000000f0003"

/** Timestamps without zone, the way the API usually writes them. */
export function timestamp(date = new Date()): string {
  return date.toISOString().slice(0, 19)
}

let lastStampVersion = 0
/** Pricing and quota versions look like millisecond timestamps; keep them strictly increasing. */
export function nextStampVersion(): number {
  lastStampVersion = Math.max(Date.now(), lastStampVersion + 1)
  return lastStampVersion
}

export function utcDay(date = new Date()): string {
  return date.toISOString().slice(0, 10)
}

export function emptyContact(id: string, now: string, email = ""): Contact {
  return {
    id,
    created_at: now,
    updated_at: now,
    types: [],
    email,
    address1: null,
    address2: null,
    country: null,
    state: null,
    city: null,
    zipcode: null,
    phone: null,
    firstname: null,
    lastname: null,
    title: null,
    website: null,
    industry: null,
    organization_size: null,
    email_confirmed: false,
    aan: null,
  }
}

/** A tenant the sandbox starts with: enabled, in its first version, with an empty contact. */
function seededTenant(now: string, id: string, number: number, name: string, kind: TenantKind, parentId: string, contactId: string): TenantRecord {
  return {
    id,
    number,
    version: 1,
    name,
    kind,
    parent_id: parentId,
    enabled: true,
    customer_type: "default",
    customer_id: null,
    internal_tag: null,
    language: "en",
    contact: emptyContact(contactId, now),
    default_idp_id: DEFAULT_IDP_ID,
    update_lock: { enabled: false, owner_id: null },
    ancestral_access: true,
    mfa_status: "disabled",
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }
}

export function seedState(clientId: string, rootTenantName: string, rootTenantId = DEFAULT_ROOT_TENANT_ID): SandboxState {
  const now = timestamp()
  const root = seededTenant(now, rootTenantId, 1000001, rootTenantName, "partner", PLATFORM_TENANT_ID, "5a4db0c5-0000-4000-8000-0000000c0001")
  // The root partner has every catalogue item, unlimited; features carry no quota.
  const rootItems: Record<string, OfferingItemRecord> = {}
  for (const def of OFFERING_ITEMS) {
    rootItems[offeringItemKey(def.name, def.infra_id)] =
      def.type === "feature"
        ? { status: 1, updated_at: now }
        : { status: 1, quota: { value: null, overage: null, version: 0 }, updated_at: now }
  }
  const foreign = seedForeignSubtree(now)
  return {
    root_tenant_id: rootTenantId,
    client_id: clientId,
    next_tenant_number: root.number + 1,
    tenants: { [root.id]: root, ...foreign.tenants },
    pricing: {
      [root.id]: { mode: "production", currency: "USD", production_start_date: now, version: nextStampVersion() },
      ...foreign.pricing,
    },
    offering_items: { [root.id]: rootItems, ...foreign.offering_items },
    applications: { [root.id]: APPLICATIONS.map((app) => app.id), ...foreign.applications },
    users: foreign.users,
    access_policies: {},
    usage: {},
    usage_pending: [],
    reports: {},
    emails: [],
    settings: {},
  }
}

/** The foreign partner and its customer take numbers below the root's, so the client's numbering is unchanged. */
function seedForeignSubtree(now: string): Pick<SandboxState, "tenants" | "pricing" | "offering_items" | "applications" | "users"> {
  const partner = seededTenant(now, FOREIGN_PARTNER_ID, 900001, "Other Partner", "partner", PLATFORM_TENANT_ID, "5a4db0c5-0000-4000-8000-0000000f0c01")
  const customer = seededTenant(now, FOREIGN_CUSTOMER_ID, 900002, "Other Partner's Customer", "customer", FOREIGN_PARTNER_ID, "5a4db0c5-0000-4000-8000-0000000f0c02")
  const user: UserRecord = {
    id: FOREIGN_USER_ID,
    version: 1,
    tenant_id: customer.id,
    login: "admin@other-partner.example",
    contact: emptyContact("5a4db0c5-0000-4000-8000-0000000f0c03", now, "admin@other-partner.example"),
    activated: true,
    enabled: true,
    language: "en",
    business_types: [],
    notifications: [],
    idp_id: DEFAULT_IDP_ID,
    personal_tenant_id: null,
    terms_accepted: true,
    mfa_status: "disabled",
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }
  const production = (): PricingRecord => ({ mode: "production", currency: "EUR", production_start_date: now, version: nextStampVersion() })
  return {
    tenants: { [partner.id]: partner, [customer.id]: customer },
    pricing: { [partner.id]: production(), [customer.id]: production() },
    offering_items: { [partner.id]: {}, [customer.id]: {} },
    applications: { [partner.id]: [], [customer.id]: [] },
    users: { [user.id]: user },
  }
}

export function loadState(path: string): SandboxState | undefined {
  if (!existsSync(path)) return undefined
  const parsed = JSON.parse(readFileSync(path, "utf8")) as SandboxState
  if (!parsed || typeof parsed !== "object" || !parsed.root_tenant_id || !parsed.tenants) {
    throw new Error(`Sandbox state file ${path} is not a sandbox state dump.`)
  }
  return parsed
}

/** Debounced writer: many mutations in a burst produce one write; flush() waits for the last one. */
export class StateFile {
  private timer: NodeJS.Timeout | undefined
  private writing: Promise<void> = Promise.resolve()

  constructor(
    private readonly path: string,
    private readonly snapshot: () => SandboxState,
    private readonly delayMs = 50
  ) {}

  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.write()
    }, this.delayMs)
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
      await this.write()
    }
    await this.writing
  }

  private write(): Promise<void> {
    const json = JSON.stringify(this.snapshot(), null, 2)
    // Chain writes so an older snapshot never lands after a newer one.
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true })
      const tmp = `${this.path}.${process.pid}.tmp`
      await writeFile(tmp, json)
      await rename(tmp, this.path)
    })
    return this.writing
  }
}
