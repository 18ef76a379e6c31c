import { sdk } from "../../../../lib/sdk"

export type ResellerCustomer = { id: string; email: string; first_name: string | null; last_name: string | null }

export type SubAccountUser = {
  id: string
  email: string
  first_name: string
  last_name: string
  language: string
  time_zone: string
  status: string
  created_at: string
}

export type SubAccount = {
  id: string
  kind: "end_customer" | "sub_division"
  name: string
  email: string
  address_1: string
  city: string
  postal_code: string
  country_code: string
  status: "pending" | "active" | "disabled"
  account_number: string
  acronis_tenant_id: string | null
  activated_at: string | null
  provisioning_error: string | null
  created_at: string
  users: SubAccountUser[]
}

export type ResellerRow = {
  id: string
  name: string
  status: "active" | "disabled"
  acronis_tenant_id: string | null
  created_at: string
  customers: ResellerCustomer[]
  sub_accounts: Pick<SubAccount, "id" | "status" | "provisioning_error">[]
}

export type ResellerDetail = Omit<ResellerRow, "sub_accounts"> & { sub_accounts: SubAccount[] }

export const SUB_ACCOUNT_KIND_LABELS: Record<SubAccount["kind"], string> = {
  end_customer: "End customer",
  sub_division: "Sub-division",
}

export const subAccountPath = (resellerId: string, subAccountId: string) =>
  `/admin/acronis/resellers/${resellerId}/sub-accounts/${subAccountId}`

export const fetchReseller = (id: string) => sdk.client.fetch<{ reseller: ResellerDetail }>(`/admin/acronis/resellers/${id}`)
