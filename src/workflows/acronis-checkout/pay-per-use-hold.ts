/** How long a checkout that took the pay-per-use hold may take to become an order before the hold gives way. */
export const PAY_PER_USE_HOLD_MS = 10 * 60 * 1000

export type PayPerUseHoldState =
  /** Its checkout is still completing: another pay-per-use order of the consumer must wait (400). */
  | "in_flight"
  /** Its order exists: it stands while that order's pay-per-use is open (the one-pay-per-use rule says). */
  | "settled"
  /** Its checkout never became an order (payment refused, process killed): it gives way. */
  | "abandoned"

/** Where an open hold stands. `cartCompleted`: its cart turned into an order whose id is not on the hold yet. */
export function payPerUseHoldState(
  hold: { order_id: string | null; created_at: Date | string },
  cartCompleted: boolean,
  now = Date.now()
): PayPerUseHoldState {
  if (hold.order_id || cartCompleted) return "settled"
  return now - new Date(hold.created_at).getTime() < PAY_PER_USE_HOLD_MS ? "in_flight" : "abandoned"
}
