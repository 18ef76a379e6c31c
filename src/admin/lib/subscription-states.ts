import { SUBSCRIPTION_STATUS_COLORS, SUBSCRIPTION_STATUS_LABELS, type SubscriptionStatus } from "./acronis-subscriptions"

// The widgets show a status with the words and badge colours the subscription pages use.
export { SUBSCRIPTION_STATUS_COLORS, SUBSCRIPTION_STATUS_LABELS }

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
  last_error: { step?: string; message?: string } | null
  activated_at: string | null
  created_at: string
}

/** "7 Dec 2026", the admin's short date. */
export const shortDate = (value: string | null | undefined) =>
  value ? new Date(value).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" }) : "—"

/** A subscription's status in words; a staff order's line that nobody executed yet says so. */
export const statusLabel = (s: Pick<AdminAcronisSubscription, "status" | "execution">) =>
  s.execution === "manual" && s.status === "pending" ? "Waiting for execution" : SUBSCRIPTION_STATUS_LABELS[s.status as SubscriptionStatus] ?? s.status

/** The badge colour of a status, grey for one the admin does not know. */
export const statusColor = (status: string) => SUBSCRIPTION_STATUS_COLORS[status as SubscriptionStatus] ?? "grey"

