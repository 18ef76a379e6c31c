"use client"

import { Button } from "@medusajs/ui"
import type { AcronisSubscription } from "../types"

/**
 * "Manage your service": Acronis's console for an active subscription, in a new tab (said to screen readers).
 * Nothing while the service is not active or has no address yet.
 */
export function AcronisManageServiceLink({
  subscription,
  className,
}: {
  subscription: Pick<AcronisSubscription, "status" | "manage_url">
  className?: string
}) {
  if (subscription.status !== "active" || !subscription.manage_url) return null
  return (
    <Button asChild className={className}>
      <a href={subscription.manage_url} target="_blank" rel="noopener noreferrer">
        Manage your service<span className="sr-only"> (opens Acronis in a new tab)</span>
      </a>
    </Button>
  )
}
