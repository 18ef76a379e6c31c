import type { z } from "zod"
import type {
  accessPolicySchema,
  apiClientSchema,
  applicationSchema,
  contactSchema,
  offeringItemSchema,
  pricingModeSchema,
  quotaSchema,
  reportSchema,
  searchResultSchema,
  storedReportSchema,
  tenantKindSchema,
  tenantPricingSchema,
  tenantSchema,
  usageReportV2Schema,
  usageSchema,
  userSchema,
} from "./schemas"

// Wire names (snake_case) are kept on purpose: what you read here is what the API documents.

export type ApiClient = z.output<typeof apiClientSchema>
export type Tenant = z.output<typeof tenantSchema>
export type TenantKind = z.output<typeof tenantKindSchema>
export type PricingMode = z.output<typeof pricingModeSchema>
export type TenantPricing = z.output<typeof tenantPricingSchema>
export type Contact = z.output<typeof contactSchema>
export type Application = z.output<typeof applicationSchema>
export type OfferingItem = z.output<typeof offeringItemSchema>
export type Quota = z.output<typeof quotaSchema>
export type User = z.output<typeof userSchema>
export type AccessPolicy = z.output<typeof accessPolicySchema>
export type Usage = z.output<typeof usageSchema>
export type Report = z.output<typeof reportSchema>
export type SearchResult = z.output<typeof searchResultSchema>
export type StoredReport = z.output<typeof storedReportSchema>
export type UsageReportV2 = z.output<typeof usageReportV2Schema>

/** Contact fields accepted on create/update (spec `contactPut`). */
export interface ContactInput {
  email?: string
  firstname?: string | null
  lastname?: string | null
  phone?: string | null
  title?: string | null
  address1?: string | null
  address2?: string | null
  city?: string | null
  state?: string | null
  zipcode?: string | null
  country?: string | null
  website?: string | null
  industry?: string | null
  organization_size?: string | null
  types?: Array<"legal" | "primary" | "billing" | "technical" | "management">
}

export interface TenantCreateInput {
  name: string
  kind: TenantKind
  parent_id: string
  contact?: ContactInput
  company_billing_contact?: ContactInput
  enabled?: boolean
  /** Our own id, for reporting; Acronis does not index it. */
  customer_id?: string
  internal_tag?: string | null
  language?: string
  default_idp_id?: string
  update_lock?: { enabled: boolean }
  ancestral_access?: boolean
}

export interface TenantUpdateInput {
  /** Current version from a fresh GET; a stale one answers 409 (code 1001). */
  version: number
  name?: string
  customer_type?: "default" | "enterprise" | "consumer" | "small_office" | "ti_unified"
  parent_id?: string
  kind?: TenantKind
  contact?: ContactInput
  enabled?: boolean
  customer_id?: string | null
  internal_tag?: string | null
  language?: string
  default_idp_id?: string
  update_lock?: { enabled: boolean }
  ancestral_access?: boolean
}

export interface TenantPricingInput {
  mode: PricingMode
  /** Version from `getPricing`. */
  version: number
  currency?: string | null
}

export interface Page<T> {
  items: T[]
  /** Cursor for the next page; undefined on the last page. */
  after?: string
}

export interface QuotaInput {
  value: number | null
  overage: number | null
  /** Current quota version from a fresh GET; a stale one answers 426. */
  version: number
}

export interface OfferingItemUpdate {
  application_id: string
  name: string
  status?: 0 | 1
  infra_id?: string
  quota?: QuotaInput
}

export interface OfferingItemQuery {
  /** Defaults to `*` (all editions); the API's own default `standard` is the legacy edition. */
  edition?: string
  usage_names?: readonly string[]
  status?: 0 | 1
  type?: "count" | "feature" | "infra"
}

export interface UserCreateInput {
  tenant_id: string
  login?: string
  contact: ContactInput & { email: string }
  enabled?: boolean
  language?: string
  notifications?: string[]
  business_types?: string[]
  external_id?: string
  idp_id?: string
}

export interface UserUpdateInput {
  /** Current version from a fresh GET. */
  version: number
  login?: string
  contact?: ContactInput
  enabled?: boolean
  language?: string
  notifications?: string[]
  external_id?: string
}

/** A role to give; the client fills the placeholder ids and trustee the API expects. */
export interface AccessPolicyInput {
  role_id: string
  tenant_id: string
  trustee_id?: string
  trustee_type?: "user" | "user_group" | "client"
}

export type ReportLevel = "itself" | "direct_partners" | "all_partners" | "all_customers" | "accounts"
export type ReportFormat = "csv" | "html" | "json_v1" | "csv_v2_0" | "json_v2_0"

export interface UsageReportInput {
  /** Tenant the report is about, usually the root tenant (`clients.get()`). */
  tenant_id: string
  /** Inclusive dates, `YYYY-MM-DD`, not in the future. */
  period: { start: string; end: string }
  kind?: "usage_summary" | "usage_daily" | "usage_current" | "usage_breakdown"
  level?: ReportLevel
  formats?: ReportFormat[]
  show_skus?: boolean
  hide_zero_usage?: boolean
}

export interface TenantUsages {
  tenant: string
  usages: Usage[]
}
