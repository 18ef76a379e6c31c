// Apart from the sdk-bound modules: a pure rule, unit-tested.

/**
 * How long after an order is placed its subscriptions may still be on their way: `order.placed` saves a
 * storefront order's within seconds (a staff order's are saved with it), and the recovery job (every minute
 * by default) saves those it missed, so a few passes' worth.
 */
export const ORDER_SUBSCRIPTIONS_GRACE_MS = 5 * 60 * 1000

type Following = { status: string; execution: "automatic" | "manual" }

/**
 * Whether an order's subscriptions are still changing on their own, so the widget should ask again: none
 * saved yet on an order placed moments ago; a storefront line not yet claimed by its run (`pending`, not
 * manual) or a run under way; after Execute, until no line is left `pending` or `provisioning`. A staff line
 * nobody executed waits for a person, and active, failed, suspended, cancelled or terminated lines are
 * settled: none of those makes it poll.
 */
export function orderSubscriptionsInFlux(
  subscriptions: Following[] | undefined,
  { placedAt, executed, now = Date.now() }: { placedAt: string | Date | null | undefined; executed: boolean; now?: number }
): boolean {
  // No answer yet (or the last request failed): treated as none found, so a failed request is asked again.
  if (!subscriptions?.length) return !!placedAt && now - new Date(placedAt).getTime() < ORDER_SUBSCRIPTIONS_GRACE_MS
  return subscriptions.some(
    (s) => s.status === "provisioning" || (s.status === "pending" && (s.execution !== "manual" || executed))
  )
}
