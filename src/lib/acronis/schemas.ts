import { z } from "zod"

/*
 * Response shapes of the Account Management API v2 (Acronis OpenAPI spec + reference).
 * Objects are loose: Acronis adds fields over time and we must not break on them. Fields the plugin
 * reads are typed and required where the spec requires them; fields seen missing from abridged
 * real answers (reference §4) are optional. Timestamps stay strings: they come with or without zone.
 */

const id = z.string().min(1)
const int = z.number().int()
const timestamp = z.string()
const nullableString = z.string().nullish()

// ---------------------------------------------------------------------------------------- errors

/** Platform `errorScheme` or the OAuth `tokenError` of `/idp/token`. */
export const errorBodySchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      code: z.union([z.string(), z.number()]).optional(),
      message: nullableString,
      domain: nullableString,
      details: z.looseObject({ info: nullableString }).nullish(),
      context: z.record(z.string(), z.unknown()).nullish(),
    }),
  ]),
  error_description: z.string().optional(),
})

// ------------------------------------------------------------------------------- auth, clients

export const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().optional(),
  expires_on: z.number().optional(),
})

export const apiClientSchema = z.looseObject({
  client_id: id,
  tenant_id: id,
  type: z.string(),
  status: z.string(),
  token_endpoint_auth_method: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  created_at: nullableString,
  last_access_at: nullableString,
})

// --------------------------------------------------------------------------------------- tenants

export const tenantKindSchema = z.enum(["root", "partner", "folder", "customer", "unit"])
export const pricingModeSchema = z.enum(["trial", "production", "suspended"])

export const contactSchema = z.looseObject({
  id: z.string().optional(),
  email: nullableString,
  firstname: nullableString,
  lastname: nullableString,
  phone: nullableString,
  address1: nullableString,
  address2: nullableString,
  city: nullableString,
  state: nullableString,
  zipcode: nullableString,
  country: nullableString,
  types: z.array(z.string()).optional(),
})

export const tenantSchema = z.looseObject({
  id,
  version: int,
  name: z.string(),
  kind: tenantKindSchema,
  parent_id: z.string().nullable(),
  enabled: z.boolean(),
  customer_type: z.string().optional(),
  customer_id: nullableString,
  internal_tag: nullableString,
  language: z.string().optional(),
  pricing_mode: pricingModeSchema.optional(),
  production_start_date: nullableString,
  has_children: z.boolean().optional(),
  owner_id: nullableString,
  contact: contactSchema.optional(),
  update_lock: z.looseObject({ enabled: z.boolean() }).optional(),
  ancestral_access: z.boolean().optional(),
  mfa_status: z.string().optional(),
  external_operation_status: nullableString,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: nullableString,
})

export const pagingSchema = z.looseObject({
  cursors: z.looseObject({ after: z.string().nullish() }).nullish(),
})

export const tenantPageSchema = z.looseObject({
  timestamp: timestamp.optional(),
  items: z.array(tenantSchema),
  paging: pagingSchema.nullish(),
})

/** `GET /search` (spec `global_search`): tenants and users found below the search tenant. */
export const searchResultSchema = z.looseObject({
  obj_type: z.enum(["tenant", "user"]),
  id,
  parent_id: id,
  path: z.array(z.string()),
  kind: tenantKindSchema.optional(),
  name: z.string().optional(),
  login: z.string().optional(),
  first_name: nullableString,
  last_name: nullableString,
  deleted_at: nullableString,
})
export const searchResultListSchema = z.looseObject({ items: z.array(searchResultSchema) })

export const uuidListSchema = z.looseObject({ items: z.array(z.string()) })

export const tenantPricingSchema = z.looseObject({
  mode: pricingModeSchema,
  currency: nullableString,
  version: int,
  production_start_date: nullableString,
})

// ---------------------------------------------------------------------------------- applications

export const applicationSchema = z.looseObject({
  id,
  name: z.string(),
  type: z.string(),
  usages: z.array(z.string()).optional(),
  api_base_url: z.string().optional(),
})

export const applicationListSchema = z.looseObject({ items: z.array(applicationSchema) })

// ----------------------------------------------------------------------------------------- infra

/** A storage ("infrastructure component"); `name` is the one "displayed to the users". */
export const infraSchema = z.looseObject({
  id,
  name: z.string(),
  location_id: z.string().optional(),
  capabilities: z.array(z.string()),
})

export const infraBatchSchema = z.looseObject({ items: z.array(infraSchema) })

const settingValueSchema = z.looseObject({ value: z.union([z.string(), z.number(), z.boolean(), z.null()]) })

/** A partner billing setting of an application (e.g. the platform's `tier_level_value`). */
export const applicationSettingSchema = z.looseObject({
  name: z.string(),
  own: settingValueSchema.nullable().optional(),
  effective: settingValueSchema.nullable().optional(),
})

// ------------------------------------------------------------------------------- offering items

export const quotaSchema = z.looseObject({
  value: int.nullable(),
  overage: int.nullable(),
  version: int,
})

export const offeringItemTypeSchema = z.enum(["count", "feature", "infra"])

export const offeringItemSchema = z.looseObject({
  application_id: id,
  name: z.string().min(1),
  edition: nullableString,
  usage_name: z.string(),
  tenant_id: z.union([z.string(), z.number()]).optional(),
  status: z.union([z.literal(0), z.literal(1)]),
  locked: z.boolean().nullish(),
  type: offeringItemTypeSchema,
  infra_id: z.string().optional(),
  measurement_unit: z.string(),
  // Disabled items come without quota (reference §6).
  quota: quotaSchema.optional(),
  updated_at: timestamp.optional(),
  deleted_at: nullableString,
})

export const offeringItemListSchema = z.looseObject({
  timestamp: timestamp.optional(),
  items: z.array(offeringItemSchema),
})

// ----------------------------------------------------------------------------------------- users

export const userSchema = z.looseObject({
  id,
  version: int,
  tenant_id: id,
  login: z.string(),
  contact: contactSchema,
  activated: z.boolean(),
  enabled: z.boolean(),
  language: z.string().optional(),
  personal_tenant_id: nullableString,
  external_id: z.string().optional(),
  business_types: z.array(z.string()).optional(),
  notifications: z.array(z.string()).optional(),
  mfa_status: z.string().optional(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: nullableString,
})

export const accessPolicySchema = z.looseObject({
  id,
  version: int,
  trustee_id: id,
  trustee_type: z.string(),
  issuer_id: z.string(),
  tenant_id: id,
  role_id: z.string(),
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
  deleted_at: nullableString,
})

export const accessPolicyListSchema = z.looseObject({
  timestamp: timestamp.optional(),
  items: z.array(accessPolicySchema),
})

// ---------------------------------------------------------------------------------------- usages

export const usageSchema = z.looseObject({
  application_id: id,
  name: z.string(),
  edition: nullableString,
  usage_name: z.string(),
  type: offeringItemTypeSchema,
  measurement_unit: z.string(),
  infra_id: z.string().optional(),
  tenant_id: z.number().optional(),
  tenant_uuid: z.string().optional(),
  range_start: timestamp,
  value: z.number(),
  absolute_value: z.number().optional(),
  offering_item: z.looseObject({ status: int, quota: quotaSchema.optional() }).optional(),
})

export const tenantUsageListSchema = z.looseObject({ items: z.array(usageSchema) })

export const batchUsageListSchema = z.looseObject({
  items: z.array(z.looseObject({ tenant: id, usages: z.array(usageSchema) })),
})

// --------------------------------------------------------------------------------------- reports

export const reportSchema = z.looseObject({
  id,
  version: int,
  result_action: z.string(),
  recipients: z.array(z.string()).optional(),
  parameters: z.looseObject({
    tenant_id: id,
    kind: z.string(),
    level: z.string(),
    formats: z.array(z.string()).optional(),
    period: z.looseObject({ start: z.string(), end: z.string() }).optional(),
    hide_zero_usage: z.boolean().optional(),
    show_skus: z.boolean().optional(),
  }),
  schedule: z.looseObject({ type: z.string(), enabled: z.boolean().optional() }),
  generation_date: z.string().optional(),
})

export const storedReportStatusSchema = z.enum(["in_progress", "saved", "failed"])

export const storedReportSchema = z.looseObject({
  id,
  report_format: z.string(),
  status: storedReportStatusSchema,
  created_at: timestamp.optional(),
  size: z.number().optional(),
})

export const storedReportListSchema = z.looseObject({
  items: z.array(storedReportSchema).optional(),
})

/** json_v2_0 report file (developer.acronis.com reports-usage-v2). */
export const usageReportV2Schema = z.looseObject({
  params: z.looseObject({
    kind: z.number().optional(),
    gen_date: z.number().optional(),
    begin_date: z.number().optional(),
    end_date: z.number().optional(),
    group_id: z.number().optional(),
    name: z.string().optional(),
    report_level: z.number().optional(),
    report_type: z.number().optional(),
  }),
  tenants: z.array(z.looseObject({})),
})

/** "field `items[0].version`: expected number, received string" — names the field that broke. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path
      .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
      .join("")
    return `field \`${path || "(body)"}\`: ${issue.message.replace(/^Invalid input: /, "")}`
  })
  const more = error.issues.length > 3 ? ` (+${error.issues.length - 3} more)` : ""
  return parts.join("; ") + more
}
