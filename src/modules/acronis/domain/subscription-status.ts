import { MedusaError } from "@medusajs/framework/utils"

/**
 * An Acronis subscription's life, written down once. Every status change goes through `assertTransition`.
 *
 * ```
 * pending ──► provisioning ──► active ◄──────► suspended ──► terminated
 *    │             │   ▲                (resume)  ▲   (grace period over:
 *    │             ▼   │ (retry)                  │    tenant deleted)
 *    │           failed ──────────────────────────┘
 *    └──► cancelled (order cancelled before anything was created in Acronis)
 * ```
 *
 * - `pending`: saved from the order; nothing in Acronis yet. Storefront orders leave it at once; staff orders
 *   wait here until `POST /admin/acronis/orders/:id/execute`.
 * - `provisioning`: a run owns it (claimed atomically); tenant and user ids are stored as they come.
 * - `active`: tenant, offering items, pricing mode and admin user are in place; its service days are billed.
 * - `failed`: the retry budget was spent; the operations address was told; `POST …/retry` resumes it.
 * - `suspended`: the order was cancelled (or staff suspended it) after the tenant existed: the tenant is
 *   disabled and billing stops the day before. Acronis keeps the data, and bills the merchant for storing it,
 *   until the tenant is deleted. Within the grace period `POST …/resume` re-enables it and billing restarts
 *   that day; once the period is over the tenant is deleted, after a data-loss warning e-mail.
 * - `terminated`: final; the tenant was deleted in Acronis. The month it ended in is billed once, up to the
 *   day before the suspension; nothing after.
 * - `cancelled`: final; nothing was ever made in Acronis.
 */
export const SUBSCRIPTION_STATUSES = ["pending", "provisioning", "active", "suspended", "terminated", "cancelled", "failed"] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

export const SUBSCRIPTION_TRANSITIONS: Record<SubscriptionStatus, readonly SubscriptionStatus[]> = {
  pending: ["provisioning", "cancelled"],
  // `suspended`: the order was cancelled while the run was under way; the run disables what it made.
  provisioning: ["active", "failed", "suspended"],
  active: ["suspended"],
  failed: ["provisioning", "suspended", "cancelled"],
  suspended: ["active", "terminated"],
  terminated: [],
  cancelled: [],
}

/** Statuses whose tenant still exists in Acronis, so its usage is read. */
export const TENANT_HOLDING_STATUSES = ["active", "suspended"] as const satisfies readonly SubscriptionStatus[]

/** What starts a provisioning run, and from which statuses it may claim the subscription. */
export type ProvisioningTrigger = "order_placed" | "execute" | "retry"

/** A `provisioning` subscription whose run stopped answering (a crash) can be retried after this long. */
export const STALE_PROVISIONING_MS = 15 * 60 * 1000

export function canTransition(from: SubscriptionStatus, to: SubscriptionStatus): boolean {
  return SUBSCRIPTION_TRANSITIONS[from].includes(to)
}

export function assertTransition(id: string, from: SubscriptionStatus, to: SubscriptionStatus): void {
  if (!canTransition(from, to)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Acronis subscription ${id} is ${from}; it cannot become ${to} (allowed: ${SUBSCRIPTION_TRANSITIONS[from].join(", ") || "none"}).`
    )
  }
}

type Claimable = { status: SubscriptionStatus; execution: "automatic" | "manual"; updated_at?: Date | string | null }

/**
 * Whether `trigger` may start a run on the subscription now: storefront orders start on `order.placed`, staff
 * orders only when executed, failed ones (or a run that crashed long ago) only on retry. Returns the reason
 * when it may not, for the admin routes' answers.
 */
export function provisioningRefusal(subscription: Claimable, trigger: ProvisioningTrigger, now = Date.now()): string | null {
  const { status, execution } = subscription
  if (trigger === "order_placed") {
    if (status !== "pending") return `it is already ${status}`
    return execution === "manual" ? "it belongs to a staff order; execute the order to provision it" : null
  }
  if (trigger === "execute") return status === "pending" ? null : `it is ${status}, not pending`
  if (status === "failed") return null
  const updatedAt = subscription.updated_at ? new Date(subscription.updated_at).getTime() : now
  if (status === "provisioning" && now - updatedAt > STALE_PROVISIONING_MS) return null
  return status === "provisioning"
    ? "a provisioning run is under way; retry when it has failed"
    : `it is ${status}; only failed subscriptions are retried`
}
