/**
 * What a failed provisioning run tells the admin and the retry loop: the step, Acronis's answer, and whether
 * trying again can help. Works on live errors and on the serialized copies a workflow hands back.
 */
export type ProvisioningFailure = {
  step: string
  message: string
  http_status: number | null
  code: string | null
  kind: string | null
  /** Acronis asked us to wait this long (429/503 Retry-After). */
  retry_after_ms: number | null
  /** True when a later run may succeed (Acronis busy or unreachable, a version race); false needs a person. */
  transient: boolean
}

type ErrorLike = {
  name?: string
  message?: string
  type?: string
  status?: number
  code?: string | number
  kind?: string
  retryable?: boolean
  retryAfterMs?: number
}

// Conflicts a fresh read resolves: a stale tenant/user version (409/1001), a stale quota version (426).
const RACE_STATUSES = new Set([409, 426])
// MedusaErrors that a person must look at: bad order data, a tenant deleted by hand, a taken login.
const PERMANENT_MEDUSA_TYPES = new Set(["not_found", "invalid_data", "not_allowed", "conflict", "duplicate_error", "unauthorized"])

// Medusa's acquireLockStep. Its lock is held by another run, or by a run whose process died: a shared (Redis)
// lock then lives until its TTL, so a later run gets it; that is no conflict for a person to look at.
const ACQUIRE_LOCK_STEP = "acquire-lock-step"

export function describeProvisioningFailure(step: string, error: unknown): ProvisioningFailure {
  const e = (error ?? {}) as ErrorLike
  const isAcronis = e.name === "AcronisApiError"
  const status = isAcronis && e.status ? e.status : null
  const transient =
    step === ACQUIRE_LOCK_STEP ||
    (isAcronis
      ? !!e.retryable || e.kind === "network" || e.kind === "timeout" || (status !== null && (status >= 500 || RACE_STATUSES.has(status)))
      : !PERMANENT_MEDUSA_TYPES.has(String(e.type ?? "")))
  return {
    step,
    message: e.message ?? String(error),
    http_status: status,
    code: isAcronis && e.code !== undefined ? String(e.code) : null,
    kind: isAcronis ? (e.kind ?? null) : (e.type ?? null),
    retry_after_ms: isAcronis && typeof e.retryAfterMs === "number" ? e.retryAfterMs : null,
    transient,
  }
}

/**
 * A failed step as staff read it: "Find or create partner tenant failed: <what Acronis answered>". The step
 * says what was being done, which Acronis's answer alone does not.
 */
export function stepFailureMessage(step: string | undefined, message: string): string {
  if (!step) return message
  const name = step.replace(/-step$/, "").replace(/-/g, " ")
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} failed: ${message}`
}
