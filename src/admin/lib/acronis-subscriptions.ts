import { useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"
import type { DraftLine } from "../../modules/acronis-billing/domain/statement"

// What the admin subscription routes answer (src/api/admin/acronis/subscriptions).
export type SubscriptionStatus = "pending" | "provisioning" | "active" | "suspended" | "terminated" | "cancelled" | "failed"

export type AcronisSubscription = {
  id: string
  type: "ppu" | "contract" | "plan"
  status: SubscriptionStatus
  execution: "automatic" | "manual"
  customer_id: string
  sub_account_id: string | null
  reseller_id: string | null
  order_id: string
  offer_id: string
  service_name: string
  tenant_kind: string | null
  tenant_id: string | null
  parent_tenant_id: string | null
  user_id: string | null
  login: string | null
  email: string | null
  protection_licensing_model: string | null
  file_sync_share_licensing_model: string | null
  billing_cycle: string | null
  commitment: Record<string, unknown> | null
  pricing_mode: string | null
  manage_url: string | null
  last_error: { step?: string; message?: string; http_status?: number; code?: string } | null
  attempts: number
  activated_at: string | null
  suspended_at: string | null
  terminate_after: string | null
  terminated_at: string | null
  cancelled_at: string | null
  created_at: string
  metadata?: Record<string, unknown> | null
}

export type ProvisioningLogLine = {
  id: string
  attempt: number
  step: string
  outcome: string
  acronis_status: number | null
  acronis_code: string | number | null
  message: string | null
  at: string
}

/** A stored statement line as the admin API answers it: the computed line, without what it was computed from. */
export type StatementLine = Omit<DraftLine, "sources"> & { id: string }

export type Statement = {
  id: string
  period: string
  status: "draft" | "on_hold" | "issued" | "billed"
  currency_code: string
  total: string
  hold_reason: { code: string; message: string; released?: boolean } | null
  reconciliation: { status: "matched" | "mismatch" | "unavailable"; details?: { pricing_mode?: string; offering_item: string; infra_id?: string | null; ours: string; acronis: string }[]; reason?: string } | null
  order_id: string | null
  draft_order_id: string | null
  lines: StatementLine[]
}

export const SUBSCRIPTION_STATUS_LABELS: Record<SubscriptionStatus, string> = {
  pending: "Pending",
  provisioning: "Provisioning",
  active: "Active",
  suspended: "Suspended",
  terminated: "Terminated",
  cancelled: "Cancelled",
  failed: "Failed",
}

export const SUBSCRIPTION_STATUS_COLORS: Record<SubscriptionStatus, "green" | "red" | "orange" | "blue" | "grey"> = {
  pending: "blue",
  provisioning: "blue",
  active: "green",
  suspended: "orange",
  terminated: "grey",
  cancelled: "grey",
  failed: "red",
}

export const SUBSCRIPTION_TYPE_LABELS: Record<AcronisSubscription["type"], string> = {
  ppu: "Pay per use",
  contract: "CSP contract",
  plan: "Seat plan",
}

export const STATEMENT_STATUS_LABELS: Record<Statement["status"], string> = {
  draft: "Draft",
  on_hold: "On hold",
  issued: "Issued",
  billed: "Billed",
}

type CustomerName = { id: string; email: string; first_name: string | null; last_name: string | null; company_name: string | null }

/** A provisioning step as people read it: `find-or-create-tenant` → "Find or create tenant". */
export const provisioningStepName = (step: string) => step.charAt(0).toUpperCase() + step.slice(1).replace(/-/g, " ")

/** "Ada Lovelace (Acme)", or the e-mail when the customer gave no name. */
export function customerName(customer: CustomerName | undefined): string {
  if (!customer) return "…"
  const person = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  const name = [person, customer.company_name && `(${customer.company_name})`].filter(Boolean).join(" ")
  return name || customer.email
}

/** The customers behind a list of ids, by id, for showing names instead of ids. */
export function useCustomers(ids: string[]) {
  const unique = [...new Set(ids)].sort()
  return useQuery({
    queryKey: ["acronis-customers", unique],
    enabled: unique.length > 0,
    queryFn: async () => {
      const { customers } = await sdk.admin.customer.list({
        id: unique,
        limit: unique.length,
        fields: "id,email,first_name,last_name,company_name",
      })
      return Object.fromEntries(customers.map((c) => [c.id, c as CustomerName])) as Record<string, CustomerName>
    },
  })
}

export type Reseller = { id: string; name: string; acronis_tenant_id: string | null }

export function useResellers() {
  return useQuery({
    queryKey: ["acronis-resellers", "all"],
    queryFn: () => sdk.client.fetch<{ resellers: Reseller[] }>("/admin/acronis/resellers", { query: { limit: 100 } }),
  })
}

/** A day, or a moment, as the merchant reads it. */
export const formatDate = (value: string | null | undefined, withTime = false) =>
  value
    ? new Date(value).toLocaleString(undefined, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" })
    : "—"

export const formatMoney = (amount: string | number, currency: string) => {
  const value = Number(amount)
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(value)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}
