/** Distinct names tried after a sibling-name clash (1004) before giving up. */
export const MAX_TENANT_NAME_ATTEMPTS = 10

/** The name the `attempt`-th create tries: the wanted name, then "Name (2)", "Name (3)"… */
export function tenantNameAttempt(name: string, attempt: number): string {
  return attempt === 1 ? name : `${name} (${attempt})`
}

/** Whether `candidate` is one of the names `tenantNameAttempt` gives `name` (compared exactly, as Acronis keeps them). */
export function isTenantNameAttempt(candidate: string, name: string): boolean {
  if (candidate === name) return true
  if (!candidate.startsWith(`${name} (`) || !candidate.endsWith(")")) return false
  const attempt = candidate.slice(name.length + 2, -1)
  return /^[1-9][0-9]*$/.test(attempt) && Number(attempt) >= 2 && Number(attempt) <= MAX_TENANT_NAME_ATTEMPTS
}
