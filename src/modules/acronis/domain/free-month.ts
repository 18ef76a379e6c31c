/**
 * Postponed billing (seed 004): a plan that gives the customer one month for free. The free month is the
 * calendar month of activation — the same month usage billing charges nothing for — so the tenant leaves
 * Acronis's trial on the 1st of the next month.
 */
export function hasFreeFirstMonth(offer: { type: string; plan?: unknown }): boolean {
  return offer.type === "plan" && (offer.plan as { postponed_billing?: boolean } | null)?.postponed_billing === true
}

/** The moment a subscription activated at `activatedAt` must be in production: the next month's 1st, UTC. */
export function freeMonthEndsAt(activatedAt: Date): Date {
  return new Date(Date.UTC(activatedAt.getUTCFullYear(), activatedAt.getUTCMonth() + 1, 1))
}
