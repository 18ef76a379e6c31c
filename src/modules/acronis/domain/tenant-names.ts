/** Numbered names tried after a sibling-name clash (1004), before the name that carries our reference. */
export const MAX_TENANT_NAME_ATTEMPTS = 10

/** How many creates a name clash may cost: the numbered names, then the one with our reference. */
export const TENANT_NAME_ATTEMPTS = MAX_TENANT_NAME_ATTEMPTS + 1

/** The end of our reference shown in a name: enough to tell two customers of the same name apart at a glance. */
const referenceTag = (referenceId: string) => referenceId.slice(-8)

/**
 * The name the `attempt`-th create tries: the wanted name, then "Name (2)" … "Name (10)", then "Name (1A2B3C4D)"
 * with the end of our reference, which no other customer of ours has: names repeat in real stores (the 11th
 * "Bea's Bakery" is still provisioned, readably).
 */
export function tenantNameAttempt(name: string, attempt: number, referenceId: string): string {
  if (attempt === 1) return name
  return attempt <= MAX_TENANT_NAME_ATTEMPTS ? `${name} (${attempt})` : `${name} (${referenceTag(referenceId)})`
}

/** Whether `candidate` is one of the names `tenantNameAttempt` gives `name` (compared exactly, as Acronis keeps them). */
export function isTenantNameAttempt(candidate: string, name: string, referenceId: string): boolean {
  if (candidate === name || candidate === `${name} (${referenceTag(referenceId)})`) return true
  if (!candidate.startsWith(`${name} (`) || !candidate.endsWith(")")) return false
  const attempt = candidate.slice(name.length + 2, -1)
  return /^[1-9][0-9]*$/.test(attempt) && Number(attempt) >= 2 && Number(attempt) <= MAX_TENANT_NAME_ATTEMPTS
}
