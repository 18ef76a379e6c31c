/**
 * Request and response types of the plugin's store routes, written out so this file's declarations stand
 * alone: a storefront compiles against them without the server's code or @medusajs/framework. The request
 * types are checked against the routes' zod schemas (`z.input`) in __tests__/schemas.types.ts, so
 * `npm run typecheck` fails when a schema and its type part ways.
 */

// ---- Offers ---------------------------------------------------------------------------------------------

export type AcronisOfferType = "ppu" | "contract" | "plan"

export type AcronisOfferSetting = {
  key: "protection_licensing_model" | "file_sync_share_licensing_model"
  label: string
  required: true
  /** `edition`: the Acronis edition the model is sold as. */
  options: { value: string; label: string; description: string; edition: string }[]
}

/** What a shopper may see of an offer (GET /store/products/:id/acronis-offer). */
export type AcronisOffer = {
  type: AcronisOfferType
  services: string[]
  quantity: { min: number; max: number; reason: string }
  /** Pay per use: the basket settings to ask for, in `metadata.acronis` of the line item. */
  settings: AcronisOfferSetting[]
  contract: { tier: number | null; minimum_monthly_commitment: Record<string, unknown>; resellers_only: boolean } | null
  /** Plans: seed 004's order form, its fields keyed by name; the answers go to `metadata.plan_order`. */
  plan: { order_form_required: boolean; billing_intervals: string[]; fields: Record<string, Record<string, unknown> & { key: string }> } | null
}

/** A seat plan's order form as the buyer filled it in, sent as the line item's `metadata.plan_order`. */
export type AcronisPlanOrder = {
  deployment: string
  payment: string
  package: string
  postponed_billing: boolean
  /** Cloud: the storage the data lives in for good, confirmed by `data_location_confirmed`. */
  data_location: string | null
  data_location_confirmed: boolean
  /** SaaS: the order's currency, the cart's. */
  currency: string | null
  customer: { company_name: string; contact_name: string; contact_email: string }
  domain: string
  admin_username: string
  send_credentials_to: ("account_manager" | "customer")[]
}


/** `offer_id`: what a contract's tier change (`contract_tier`) names. */
export type AcronisListedOffer = AcronisOffer & { offer_id: string; product_id: string; product_title: string; product_handle: string }

// ---- Cart and checkout ----------------------------------------------------------------------------------

/** A pay-per-use line item's basket settings, kept in `line_item.metadata.acronis`. */
export type AcronisBasketSettings = {
  protection_licensing_model: string
  file_sync_share_licensing_model: string
}

export type AcronisCheckoutStep =
  | { step: "terms"; required: boolean; completed: boolean; terms_url: string; terms_version: string; accepted_at: string | null }
  | { step: "billing"; required: boolean; completed: boolean; missing: string[] }
  | {
      step: "service_details"
      required: boolean
      completed: boolean
      login_format: "username_or_email" | "email"
      login: string | null
      email: string | null
    }

/** A cart's Acronis checkout (GET /store/carts/:id/acronis/checkout). */
export type AcronisCheckout = {
  cart_id: string
  has_acronis_items: boolean
  buyer: "guest" | "reseller" | "direct_customer"
  sub_account_id: string | null
  items: { line_item_id: string | null; title: string; type: AcronisOfferType; settings: AcronisBasketSettings | null }[]
  steps: AcronisCheckoutStep[]
  /** Every required step completed: the cart may be completed. */
  ready: boolean
}

/** Body of POST /store/carts/:id/acronis/terms (StoreAcceptAcronisTerms). */
export type AcceptAcronisTermsBody = { terms_version: string; accepted: true }

export type AcronisTermsConsent = { id: string; cart_id: string; terms_url: string; terms_version: string; accepted_at: string }

/** Body of POST /store/carts/:id/acronis/service-details (StoreAcronisServiceDetails). */
export type AcronisServiceDetailsBody = { login: string; email: string }

export type AcronisServiceDetails = { login: string; email: string }

/** Query of GET /store/acronis/logins/availability (StoreAcronisLoginAvailability). */
export type AcronisLoginAvailabilityQuery = { login: string; cart_id?: string | undefined }

export type AcronisLoginAvailability = { login: string; available: boolean; reason: string | null }

/** Query of GET /store/acronis/logins/proposal (StoreAcronisLoginProposal). */
export type AcronisLoginProposalQuery = { username?: string | undefined; domain: string; cart_id?: string | undefined }

export type AcronisLoginProposal = { login: string | null; available: boolean; tried: AcronisLoginAvailability[] }

// ---- Subscriptions --------------------------------------------------------------------------------------

export type AcronisSubscription = {
  id: string
  type: AcronisOfferType
  status: string
  order_id: string | null
  service_name: string
  login: string | null
  email: string | null
  protection_licensing_model: string | null
  file_sync_share_licensing_model: string | null
  billing_cycle: string | null
  commitment: unknown
  /** "Manage your service": where the customer signs in to Acronis. */
  manage_url: string | null
  activated_at: string | null
  created_at: string
}

/** Body of POST …/subscriptions/:id/changes and …/changes/preview (StoreAcronisSubscriptionChange). */
export type AcronisSubscriptionChangeBody =
  | { type: "licensing_model"; protection_licensing_model?: string | undefined; file_sync_share_licensing_model?: string | undefined }
  | { type: "contract_tier"; offer_id: string }
  | { type: "seats"; seats: number }
  | { type: "billing_interval"; interval: "month" | "year" }

/** The current month's usage and estimated charges; the estimate's lines are the billing engine's. */
export type AcronisUsage = {
  subscription_id: string
  period: string
  as_of: string
  last_synced_at: string | null
  last_sync_error: string | null
  /** `total` in major units as a decimal string, e.g. "16.10". */
  estimate: { currency_code: string; window: unknown; lines: Record<string, unknown>[]; total: string }
}

/** A month's usage as one series per offering item and storage, days in order; values are decimal strings. */
export type AcronisDailyUsage = {
  subscription_id: string
  period: string
  from: string
  to: string
  items: {
    offering_item: string
    edition: string | null
    infra_id: string | null
    /** `bytes` for storage, `quantity` for counted items (workloads, users). */
    measurement_unit: string
    points: { day: string; value: string; pricing_mode: string }[]
  }[]
}

/** A past statement; its fields beyond these are the billing module's statement as stored. */
export type AcronisStatement = Record<string, unknown> & {
  id: string
  period: string
  /** Each with `offering_item`, `quantity`, `unit`, `unit_price`, `amount` and `sources`, as the billing module keeps them. */
  lines: (Record<string, unknown> & { id: string; kind: string; description: string })[]
}

// ---- Resellers ------------------------------------------------------------------------------------------

export type AcronisReseller = {
  id: string
  name: string
  status: string
  created_at: string
  users: { id: string; email: string; first_name: string | null; last_name: string | null }[]
}

export type AcronisSubAccountStatus = "pending" | "active" | "disabled"

export type AcronisSubAccount = {
  id: string
  kind: "end_customer" | "sub_division"
  name: string
  email: string
  phone: string | null
  address_1: string
  address_2: string | null
  city: string
  province: string | null
  postal_code: string
  country_code: string
  notification_customer_id: string
  status: AcronisSubAccountStatus
  /** "PENDING" until the Acronis tenant exists. */
  account_number: string
  activated_at: string | null
  provisioning_error: string | null
  created_at: string
  updated_at: string
}

export type AcronisSubAccountUser = {
  id: string
  email: string
  first_name: string
  last_name: string
  language: string
  time_zone: string
  status: string
  created_at: string
}

/** Query of GET /store/acronis/sub-accounts (StoreListSubAccounts). */
export type ListSubAccountsQuery = { status?: AcronisSubAccountStatus | undefined; limit?: number | undefined; offset?: number | undefined }

/** Body of POST /store/acronis/sub-accounts (StoreCreateSubAccount). */
export type CreateSubAccountBody = {
  kind: "end_customer" | "sub_division"
  name: string
  email: string
  phone?: string | null | undefined
  address_1: string
  address_2?: string | null | undefined
  city: string
  province?: string | null | undefined
  postal_code: string
  /** ISO 3166-1 alpha-2, e.g. "de". */
  country_code: string
  /** Defaults to the signed-in customer. */
  notification_customer_id?: string | undefined
  metadata?: Record<string, unknown> | null | undefined
}

/** Body of POST /store/acronis/sub-accounts/review (StoreReviewSubAccount): what is entered so far. */
export type ReviewSubAccountBody = {
  name: string
  email?: string | undefined
  address_1?: string | undefined
  postal_code?: string | undefined
  country_code?: string | undefined
  [field: string]: unknown
}

export type SimilarSubAccount = { sub_account: AcronisSubAccount; reasons: ("name" | "address" | "email_domain")[] }

/** One user to add (StoreSubAccountUser). */
export type SubAccountUserInput = { email: string; first_name: string; last_name: string; language: string; time_zone: string }

/** Body of POST /store/acronis/sub-accounts/:id/users (StoreAddSubAccountUsers). */
export type AddSubAccountUsersBody = { users: SubAccountUserInput[] }

/** Body of POST /store/acronis/sub-accounts/:id/users/import (StoreImportSubAccountUsers). */
export type ImportSubAccountUsersBody = { csv: string; dry_run?: boolean | undefined }

/** A problem of a CSV import; `row` as a spreadsheet numbers it (header = 1), 0 for the file as a whole. */
export type UsersImportError = { row: number; field: keyof SubAccountUserInput | "csv"; reason: string }

export type UsersImportPreview = {
  valid: boolean
  rows: (SubAccountUserInput & { row: number; errors: { field: UsersImportError["field"]; reason: string }[] })[]
  errors: UsersImportError[]
}
