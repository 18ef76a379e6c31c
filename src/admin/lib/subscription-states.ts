// How the admin's widgets show an Acronis subscription's status: a word a person reads and a badge colour.
export const SUBSCRIPTION_STATUS_LABELS: Record<string, string> = {
  pending: "Waiting",
  provisioning: "Provisioning",
  active: "Active",
  suspended: "Suspended",
  terminated: "Terminated",
  cancelled: "Cancelled",
  failed: "Failed",
}

export const SUBSCRIPTION_STATUS_COLORS: Record<string, "green" | "red" | "orange" | "blue" | "grey"> = {
  pending: "orange",
  provisioning: "blue",
  active: "green",
  suspended: "orange",
  terminated: "grey",
  cancelled: "grey",
  failed: "red",
}

export type AdminAcronisSubscription = {
  id: string
  type: string
  status: string
  execution: "automatic" | "manual"
  customer_id: string | null
  order_id: string | null
  line_item_id: string | null
  service_name: string
  tenant_kind: string | null
  login: string | null
  email: string
  last_error: string | null
  activated_at: string | null
  created_at: string
}

/** "7 Dec 2026", the admin's short date. */
export const shortDate = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "—"

/** A subscription's status in words; a staff order's line that nobody executed yet says so. */
export const statusLabel = (s: Pick<AdminAcronisSubscription, "status" | "execution">) =>
  s.execution === "manual" && s.status === "pending" ? "Waiting for execution" : SUBSCRIPTION_STATUS_LABELS[s.status] ?? s.status
