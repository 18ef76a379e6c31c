/**
 * What the end of a suspended subscription's grace period calls for now. The customer is warned once,
 * `warning_days` before the deletion; the tenant is deleted once the grace period is over *and* the warning
 * has stood for `warning_days` — so a server that was down when the warning was due still gives the
 * customer the full notice instead of deleting at once.
 */
export type GracePeriodStage = "wait" | "warn" | "terminate"

export function gracePeriodStage(input: {
  now: Date
  terminate_after: Date
  deletion_warned_at: Date | null
  warning_days: number
}): GracePeriodStage {
  const noticeMs = input.warning_days * 86_400_000
  if (!input.deletion_warned_at) {
    if (noticeMs === 0 && input.now >= input.terminate_after) return "terminate"
    return input.now.getTime() >= input.terminate_after.getTime() - noticeMs ? "warn" : "wait"
  }
  const deleteAt = Math.max(input.terminate_after.getTime(), input.deletion_warned_at.getTime() + noticeMs)
  return input.now.getTime() >= deleteAt ? "terminate" : "wait"
}
