/** Where to go after signing in: `?next=` when it is a path of this store (never another site), else the account. */
export function nextPath(next: string | null | undefined, fallback = "/account"): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback
}
