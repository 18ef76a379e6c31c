import { StatusBadge } from "@medusajs/ui"
import { type AcronisSubscription, SUBSCRIPTION_STATUS_COLORS, SUBSCRIPTION_STATUS_LABELS } from "../../../../lib/acronis-subscriptions"

/** The subscription's status; a staff order waiting to be executed says so. */
export const SubscriptionStatusBadge = ({ subscription }: { subscription: Pick<AcronisSubscription, "status" | "execution"> }) => (
  <StatusBadge color={SUBSCRIPTION_STATUS_COLORS[subscription.status]}>
    {SUBSCRIPTION_STATUS_LABELS[subscription.status]}
    {subscription.status === "pending" && subscription.execution === "manual" ? " — staff order" : ""}
  </StatusBadge>
)
