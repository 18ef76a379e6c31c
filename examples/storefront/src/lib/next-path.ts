/**
 * Where to go after signing in: `?next=` when it is a path of this store, else the account. Parsed as the
 * browser would against a stand-in origin, so a backslash, a tab or `//` that would lead to another site
 * (`/\evil.example`) is refused, not just a leading `//`.
 */
export function nextPath(next: string | null | undefined, fallback = "/account"): string {
  if (!next || !next.startsWith("/")) return fallback
  const base = "http://store.invalid"
  let url: URL
  try {
    url = new URL(next, base)
  } catch {
    return fallback
  }
  return url.origin === base && !/[\\\u0000-\u001f]/.test(next) ? `${url.pathname}${url.search}${url.hash}` : fallback
}
