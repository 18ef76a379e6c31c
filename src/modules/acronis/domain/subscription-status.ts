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

type RunState = { status: string; heartbeat_at?: Date | string | null; updated_at?: Date | string | null }

/**
 * Whether a `provisioning` subscription's run has died: its process stopped writing the heartbeat (a live run
 * writes it every quarter of `staleAfterMs`, however long Acronis takes). Rows from before heartbeats count
 * from their last update.
 */
export function isDeadRun(subscription: RunState, staleAfterMs: number, now = Date.now()): boolean {
  if (subscription.status !== "provisioning") return false
  const lastSign = subscription.heartbeat_at ?? subscription.updated_at
  return !!lastSign && now - new Date(lastSign).getTime() > staleAfterMs
}

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

type Claimable = RunState & { status: SubscriptionStatus; execution: "automatic" | "manual" }

/**
 * Whether `trigger` may start a run on the subscription now: storefront orders start on `order.placed`, staff
 * orders only when executed, failed ones (or a run whose process died, see `isDeadRun`) only on retry.
 * Returns the reason when it may not, for the admin routes' answers.
 */
export function provisioningRefusal(
  subscription: Claimable,
  trigger: ProvisioningTrigger,
  staleAfterMs: number,
  now = Date.now()
): string | null {
  const { status, execution } = subscription
  if (trigger === "order_placed") {
    if (status !== "pending") return `it is already ${status}`
    return execution === "manual" ? "it belongs to a staff order; execute the order to provision it" : null
  }
  if (trigger === "execute") return status === "pending" ? null : `it is ${status}, not pending`
  if (status === "failed") return null
  if (isDeadRun(subscription, staleAfterMs, now)) return null
  return status === "provisioning"
    ? "a provisioning run is under way; retry when it has failed"
    : `it is ${status}; only failed subscriptions are retried`
}
