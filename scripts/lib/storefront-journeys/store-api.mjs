// What the journeys share to call the store API themselves, beside the browser.

/** The title the demo seed (src/scripts/seed-demo.ts) gives the example storefront's publishable key. */
const STOREFRONT_KEY_TITLE = "Acronis Storefront"

/** The example storefront's publishable API key, found by its title (other keys may exist, or be revoked). */
export async function storefrontPublishableKey(ctx) {
  const { api_keys } = await ctx.admin("GET", "/admin/api-keys?type=publishable&limit=50")
  const key = api_keys.find((candidate) => candidate.title === STOREFRONT_KEY_TITLE && !candidate.revoked_at)?.token
  if (!key) throw new Error(`No publishable API key titled "${STOREFRONT_KEY_TITLE}": was the demo seeded?`)
  return key
}
