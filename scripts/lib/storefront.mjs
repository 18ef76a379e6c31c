// What a storefront and staff do over HTTP against a running cluster (see cluster.mjs): the same calls as the
// HTTP suites (integration-tests/http/checkout.spec.ts), without a test runner.
import { readFileSync } from "node:fs"

const TERMS_VERSION = "2024-01"
const PPU_SETTINGS = { protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_user" }
const PPU_OFFER = {
  type: "ppu",
  protection_models: ["per_gigabyte", "per_workload"],
  file_sync_share_models: ["per_user", "per_workload"],
  unit_prices: { pw_base_workstations: { usd: 5 } },
}
const BILLING_ADDRESS = JSON.parse(readFileSync(new URL("../../integration-tests/http/fixtures/billing-address.json", import.meta.url), "utf8"))
const PASSWORD = "correct-horse-battery-staple"

const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

/** Polls `probe` until it returns something other than null/false; rejects naming `what` after `timeoutMs`. */
export async function waitFor(what, timeoutMs, probe, intervalMs = 200) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== null && value !== false && value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`)
    await sleep(intervalMs)
  }
}

/** Runs `fn` over `items` with at most `limit` at a time, results in order. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await fn(items[index], index)
      }
    })
  )
  return results
}

/** JSON over fetch: `request(method, path, { body, headers })`; a refused request throws with `status` and `data`. */
export function client(baseUrl) {
  return async function request(method, path, { body, headers = {} } = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body !== undefined && { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    const data = text ? JSON.parse(text) : undefined
    if (!response.ok) {
      const error = new Error(`${method} ${path}: ${response.status} ${data?.message ?? text}`)
      error.status = response.status
      error.data = data
      throw error
    }
    return data
  }
}

/** Staff set up what checkout needs: a region paying with the system provider, a channel and its key, a product. */
export async function createShop(cluster) {
  const api = client(cluster.server.url)
  const sandbox = client(`${cluster.sandboxUrl}/__sandbox`)
  const { token } = await api("POST", "/auth/user/emailpass", { body: { email: cluster.adminEmail, password: cluster.adminPassword } })
  const admin = { authorization: `Bearer ${token}` }
  const { region } = await api("POST", "/admin/regions", {
    headers: admin,
    body: { name: "United States", currency_code: "usd", countries: ["us"], payment_providers: ["pp_system_default"] },
  })
  const { sales_channel } = await api("POST", "/admin/sales-channels", { headers: admin, body: { name: "Acronis Store" } })
  const { api_key } = await api("POST", "/admin/api-keys", { headers: admin, body: { title: "Storefront", type: "publishable" } })
  await api("POST", `/admin/api-keys/${api_key.id}/sales-channels`, { headers: admin, body: { add: [sales_channel.id] } })
  const { product } = await api("POST", "/admin/products", {
    headers: admin,
    body: {
      title: "Acronis Cyber Protect Cloud",
      status: "published",
      options: [{ title: "Subscription", values: ["Monthly"] }],
      variants: [{ title: "Monthly", options: { Subscription: "Monthly" }, manage_inventory: false, prices: [{ currency_code: "usd", amount: 25 }] }],
      sales_channels: [{ id: sales_channel.id }],
    },
  })
  await api("POST", `/admin/products/${product.id}/acronis-offer`, { headers: admin, body: PPU_OFFER })
  const publishable = { "x-publishable-api-key": api_key.token }

  return {
    api,
    admin,
    regionId: region.id,
    ppuVariantId: product.variants[0].id,
    publishable,
    /** `count` customers signed up as a storefront does (register, create, log in), `${prefix}${n}@…`. */
    async customers(count, prefix) {
      return mapLimit(Array.from({ length: count }, (_, i) => i + 1), 8, async (n) => {
        const email = `${prefix}${n}@multiprocess.example`
        const registered = await api("POST", "/auth/customer/emailpass/register", { body: { email, password: PASSWORD } })
        const { customer } = await api("POST", "/store/customers", {
          headers: { ...publishable, authorization: `Bearer ${registered.token}` },
          body: { email, first_name: "Buyer", last_name: `Number ${n}` },
        })
        const login = await api("POST", "/auth/customer/emailpass", { body: { email, password: PASSWORD } })
        return { id: customer.id, email, headers: { ...publishable, authorization: `Bearer ${login.token}` } }
      })
    },
    /** Every Acronis subscription, as staff list them. */
    async subscriptions() {
      const all = []
      for (let offset = 0; ; offset += 100) {
        const page = await api("GET", `/admin/acronis/subscriptions?limit=100&offset=${offset}`, { headers: admin })
        all.push(...page.subscriptions)
        if (all.length >= page.count || !page.subscriptions.length) return all
      }
    },
    sandboxState: () => sandbox("GET", "/state"),
    sandboxEmails: async () => (await sandbox("GET", "/emails")).items,
    /** Sets days' usage in Acronis: `[{ tenant_id, offering_item, edition, date, value }]`. */
    sandboxUsages: (items) => sandbox("PUT", "/usages", { body: { items } }),
  }
}

/** A cart with the pay-per-use product and every Acronis checkout step done, paid with the system provider. */
export async function readyPayPerUseCart(shop, customer, login) {
  const { api } = shop
  const headers = customer.headers
  const { cart } = await api("POST", "/store/carts", { headers, body: { region_id: shop.regionId } })
  await api("POST", `/store/carts/${cart.id}/line-items`, {
    headers,
    body: { variant_id: shop.ppuVariantId, quantity: 1, metadata: { acronis: PPU_SETTINGS } },
  })
  await api("POST", `/store/carts/${cart.id}/acronis/terms`, { headers, body: { terms_version: TERMS_VERSION, accepted: true } })
  await api("POST", `/store/carts/${cart.id}`, { headers, body: { billing_address: BILLING_ADDRESS } })
  await api("POST", `/store/carts/${cart.id}/acronis/service-details`, { headers, body: { login, email: customer.email } })
  const { payment_collection } = await api("POST", "/store/payment-collections", { headers, body: { cart_id: cart.id } })
  await api("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { headers, body: { provider_id: "pp_system_default" } })
  return { id: cart.id, customer }
}

/** Completes every cart at once; each answer is the store's (`type: "order"` or `"cart"` with an error) or the refusal. */
export async function placeOrders(shop, carts) {
  return Promise.all(
    carts.map((cart) =>
      shop.api("POST", `/store/carts/${cart.id}/complete`, { headers: cart.customer.headers, body: {} }).catch((error) => ({
        type: "refused",
        status: error.status,
        message: error.message,
      }))
    )
  )
}
