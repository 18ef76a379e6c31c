// The shopper's journeys through the example storefront in a real browser: register, choose, pay and watch the
// Acronis service come up; and bad choices that must make no order. Role and label selectors only, so each run
// also proves the pages can be used with a screen reader. `ctx` is the storefront harness's (test-storefront.mjs).

import { storefrontPublishableKey } from "./store-api.mjs"

const PPU_HANDLE = "acronis-cyber-protect-cloud"
const PROTECTION = "Protection Licensing Model"
const FILE_SYNC_SHARE = "File Sync & Share Licensing Model"
const PASSWORD = "journey-password-1"

/** A demo address in the United States region, which the journeys choose. */
const ADDRESS = { first_name: "Robin", last_name: "Shopper", address_1: "1 Main Street", postal_code: "10001", city: "New York", country: "us" }

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/** Registers a new customer through /account/register and lands on `next`. */
export async function registerShopper(ctx, page, { email = `${unique("shopper")}@shopper.example`, password = PASSWORD, first_name = "Robin", last_name = "Shopper", next = "/" } = {}) {
  await page.goto(`${ctx.storefrontUrl}/account/register?next=${encodeURIComponent(next)}`)
  await page.getByRole("heading", { name: "Create your account" }).waitFor()
  await page.getByLabel("First name").fill(first_name)
  await page.getByLabel("Last name").fill(last_name)
  await page.getByLabel("E-mail").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Create account" }).click()
  await page.waitForURL((url) => !url.pathname.startsWith("/account/register"), { timeout: 30_000 })
  await page.getByRole("link", { name: "Account" }).waitFor()
  ctx.log(`registered ${email}`)
  return { email, password, first_name, last_name }
}

/** Chooses the region (and so the currency) in the header, before anything is in the cart. */
export async function chooseRegion(ctx, page, name = "United States (USD)") {
  if (!page.url().startsWith(ctx.storefrontUrl)) await page.goto(ctx.storefrontUrl)
  const select = page.getByRole("combobox", { name: "Region" })
  await select.locator("option", { hasText: name }).waitFor({ state: "attached" })
  await select.selectOption({ label: name })
}

/** Signs in through /account/sign-in and lands on `next`. */
export async function signInShopper(ctx, page, { email, password = PASSWORD, next = "/" }) {
  await page.goto(`${ctx.storefrontUrl}/account/sign-in?next=${encodeURIComponent(next)}`)
  await page.getByLabel("E-mail").fill(email)
  await page.getByLabel("Password").fill(password)
  await page.getByRole("button", { name: "Sign in" }).click()
  await page.waitForURL((url) => !url.pathname.startsWith("/account/sign-in"), { timeout: 30_000 })
}

/**
 * Opens the product page of `handle` and adds it to the cart: `settings` picks the pay-per-use licensing models
 * by value (`{ protection_licensing_model, file_sync_share_licensing_model }`), `fill(page)` anything else a
 * product asks (a plan's order form). Waits for the store to say it was added.
 */
export async function addToCart(ctx, page, { handle, settings, fill } = {}) {
  await page.goto(`${ctx.storefrontUrl}/products/${handle}`)
  const add = page.getByRole("button", { name: "Add to cart" })
  await add.waitFor()
  if (settings?.protection_licensing_model) await page.getByLabel(PROTECTION).selectOption(settings.protection_licensing_model)
  if (settings?.file_sync_share_licensing_model) await page.getByLabel(FILE_SYNC_SHARE).selectOption(settings.file_sync_share_licensing_model)
  if (fill) await fill(page)
  await add.click()
  await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor({ timeout: 30_000 })
  ctx.log(`added ${handle} to the cart`)
}

const section = (page, name) => page.getByRole("region", { name })

/** Whether the checkout step `name` is open (its form shown), waiting until the page settles on a step. */
async function openStep(page, name) {
  const form = section(page, new RegExp(`^\\d+\\. ${name}`)).getByRole("button", { name: /^Continue|^Place order/ })
  return form.isVisible()
}

/** The checkout section open now: the first region whose form shows a Continue or Place order button. */
async function waitForStep(page, names, timeout = 30_000) {
  const started = Date.now()
  while (Date.now() - started < timeout) {
    for (const name of names) if (await openStep(page, name)) return name
    await page.waitForTimeout(200)
  }
  throw new Error(`no checkout step of ${names.join(", ")} opened within ${timeout} ms`)
}

/** Clicks the step's button and waits until the page has moved on (the step closed); a refusal keeps it open. */
async function advance(region, name = "Continue") {
  const button = region.getByRole("button", { name, exact: true })
  await button.click()
  await button.waitFor({ state: "hidden", timeout: 30_000 }).catch(async () => {
    const alerts = await region.getByRole("alert").allInnerTexts()
    throw new Error(`the checkout step did not move on${alerts.length ? `: ${alerts.join(" | ")}` : ""}`)
  })
}

/**
 * Goes through /checkout from the first open step to the order: terms, billing address, service details (`login`,
 * checked live: it must show as available), delivery when asked, the test payment, then Place order. Returns
 * the order id from the confirmation page's URL. `snap` prefixes each step's screenshot. `stopAt` (a step's
 * title) stops when that step opens, before filling it in, and returns null.
 */
export async function checkout(ctx, page, { login, email, address = ADDRESS, snap = "checkout", stopAt } = {}) {
  await page.goto(`${ctx.storefrontUrl}/checkout`)
  await page.getByRole("heading", { name: "Checkout" }).waitFor({ timeout: 30_000 })
  const steps = ["Terms of use", "Billing address", "Service details", "Delivery", "Payment", "Review and place order"]
  for (let guard = 0; guard < 8; guard++) {
    const step = await waitForStep(page, steps)
    const region = section(page, new RegExp(`^\\d+\\. ${step}`))
    await ctx.snap(page, `${snap}-${step.toLowerCase().replace(/\W+/g, "-")}`)
    if (step === stopAt) return null
    if (step === "Terms of use") {
      await region.getByRole("checkbox", { name: /accept the Acronis terms of use/ }).check()
      await advance(region)
    } else if (step === "Billing address") {
      const emailField = region.getByLabel("E-mail")
      if (await emailField.isVisible()) await emailField.fill(email)
      await region.getByLabel("First name").fill(address.first_name)
      await region.getByLabel("Last name").fill(address.last_name)
      await region.getByRole("textbox", { name: "Address", exact: true }).fill(address.address_1)
      await region.getByLabel("Postal code").fill(address.postal_code)
      await region.getByLabel("City").fill(address.city)
      await region.getByLabel("Country").selectOption(address.country)
      await advance(region)
    } else if (step === "Service details") {
      expect(login, "checkout needs a login for the new Acronis account")
      await region.getByLabel(/login/i).first().fill(login)
      await region.getByText(`“${login}” is available.`).waitFor({ timeout: 15_000 })
      await ctx.snap(page, `${snap}-login-available`)
      if (email) await region.getByLabel("Activation e-mail").fill(email)
      await advance(region)
    } else if (step === "Delivery") {
      await region.getByRole("radio").first().check()
      await advance(region)
    } else if (step === "Payment") {
      await region.getByRole("radio", { name: "Test payment" }).check()
      await advance(region, "Continue to review")
    } else {
      const place = region.getByRole("button", { name: "Place order" })
      await place.click()
      await page.waitForURL(/\/order\/[^/]+\/confirmed/, { timeout: 60_000 })
      const orderId = new URL(page.url()).pathname.split("/")[2]
      ctx.log(`placed order ${orderId}`)
      return orderId
    }
  }
  throw new Error("checkout did not reach Place order")
}

/** The staff's view of an order's Acronis subscriptions. */
const subscriptionsOf = async (ctx, orderId) => (await ctx.admin("GET", `/admin/acronis/subscriptions?order_id=${encodeURIComponent(orderId)}&limit=100`)).subscriptions

/**
 * The catalogue: Acronis products and plain services side by side, each Acronis card with its badge, prices in
 * the chosen region's currency (a plain service's price changes with the region).
 */
export async function browseCatalogue(ctx) {
  const page = await ctx.newPage()
  await page.goto(ctx.storefrontUrl)
  await page.getByRole("heading", { name: "Store", level: 1 }).waitFor()
  await chooseRegion(ctx, page)
  const card = (title) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: title, level: 2 }) })
  await card("Acronis Cyber Protect Cloud").getByText("Pay per use").waitFor()
  await card("Acronis CSP Contract Tier 1").getByText("CSP contract, resellers only").waitFor()
  await card("Acronis Cloud Backup — 25 users").getByText("Seat plan").waitFor()
  await card("Onboarding session (1 hour)").getByText("$90.00").waitFor()
  await card("Acronis CSP Contract Tier 1").getByText("Commitment $250.00 a month").waitFor()
  await ctx.snap(page, "catalogue-usd")
  await chooseRegion(ctx, page, "Europe (EUR)")
  await card("Onboarding session (1 hour)").getByText("€81.00").waitFor()
  await ctx.snap(page, "catalogue-eur")
  await page.context().close()
}

/** Remembered for badChoicesMakeNoOrder, which runs after: a login that is taken now. */
let lastLogin = null

/**
 * A new shopper registers, buys pay per use with both licensing models, goes through every checkout step
 * (the live check shows the login available), places the order and waits on the confirmation page for
 * "Manage your service". Then the sandbox holds a tenant with that login, and staff see exactly one active
 * subscription for the order.
 */
export async function buyPayPerUse(ctx) {
  const page = await ctx.newPage()
  const shopper = await registerShopper(ctx, page)
  await chooseRegion(ctx, page)
  const login = unique("ppu").replace(/-/g, ".")
  await addToCart(ctx, page, {
    handle: PPU_HANDLE,
    settings: { protection_licensing_model: "per_workload", file_sync_share_licensing_model: "per_user" },
  })
  await page.goto(`${ctx.storefrontUrl}/cart`)
  await page.getByRole("heading", { name: "Acronis Cyber Protect Cloud" }).waitFor()
  await ctx.snap(page, "ppu-cart")
  const orderId = await checkout(ctx, page, { login, email: shopper.email, snap: "ppu-checkout" })

  await page.getByRole("heading", { name: "Your Acronis services" }).waitFor()
  await ctx.snap(page, "ppu-confirmation-pending")
  await page.getByRole("link", { name: "Manage your service" }).waitFor({ timeout: 90_000 })
  await ctx.snap(page, "ppu-confirmation-active")

  const state = await ctx.sandbox("GET", "/state")
  const user = state.users.find((candidate) => candidate.login === login)
  expect(user, `the sandbox has no user with login ${login}`)
  const tenant = state.tenants.find((candidate) => candidate.id === user.tenant_id)
  expect(tenant, `the sandbox has no tenant for ${login}'s user (tenant ${user.tenant_id})`)

  const subscriptions = await subscriptionsOf(ctx, orderId)
  expect(subscriptions.length === 1, `order ${orderId} has ${subscriptions.length} subscriptions, expected exactly one`)
  const [subscription] = subscriptions
  expect(subscription.status === "active", `order ${orderId}'s subscription is ${subscription.status}, expected active`)
  expect(subscription.tenant_id === tenant.id, `the subscription's tenant ${subscription.tenant_id} is not the sandbox's ${tenant.id}`)
  expect(subscription.login === login, `the subscription's login is ${subscription.login}, expected ${login}`)
  ctx.log(`pay per use: order ${orderId} active, tenant ${tenant.id} (${tenant.name}), login ${login}`)
  lastLogin = login
  await page.context().close()
  return { orderId, login, email: shopper.email, tenantId: tenant.id, subscriptionId: subscription.id }
}

/** A login Acronis already holds: the one buyPayPerUse bought, else any user the sandbox has. */
async function takenLogin(ctx) {
  if (lastLogin) return lastLogin
  const state = await ctx.sandbox("GET", "/state")
  const user = state.users.find((candidate) => candidate.login) ?? state.foreign?.users?.find((candidate) => candidate.login)
  expect(user, "the sandbox holds no user whose login could be taken")
  return user.login
}

const orderCount = async (ctx) => (await ctx.admin("GET", "/admin/orders?limit=1&fields=id")).count

/**
 * (a) Pay per use without a File Sync & Share licensing model: the error is at that field and the cart stays
 * empty. (b) At service details a login Acronis already holds: the field says it is taken, the step cannot be
 * continued, the server refuses it too, and Place order is never offered. No order is made.
 */
export async function badChoicesMakeNoOrder(ctx) {
  const ordersBefore = await orderCount(ctx)
  const page = await ctx.newPage()
  const shopper = await registerShopper(ctx, page)
  await chooseRegion(ctx, page)

  // (a) One licensing model missing.
  await page.goto(`${ctx.storefrontUrl}/products/${PPU_HANDLE}`)
  await page.getByLabel(PROTECTION).selectOption("per_gigabyte")
  await page.getByRole("button", { name: "Add to cart" }).click()
  const fileSyncShare = page.getByLabel(FILE_SYNC_SHARE)
  await page.getByRole("alert").filter({ hasText: `Choose a ${FILE_SYNC_SHARE}.` }).waitFor()
  expect((await fileSyncShare.getAttribute("aria-invalid")) === "true", "the File Sync & Share field is not marked invalid")
  const describedBy = (await fileSyncShare.getAttribute("aria-describedby")) ?? ""
  const errorText = await Promise.all(describedBy.split(" ").filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()))
  expect(errorText.some((text) => text.includes(`Choose a ${FILE_SYNC_SHARE}.`)), "the error is not tied to the File Sync & Share field")
  expect((await page.getByLabel(PROTECTION).getAttribute("aria-invalid")) !== "true", "the chosen protection model is marked invalid")
  await ctx.snap(page, "bad-missing-licensing-model")
  await page.getByLabel("0 items in the cart").waitFor()
  await page.goto(`${ctx.storefrontUrl}/cart`)
  await page.getByText("Your cart is empty.").waitFor()
  ctx.log("(a) a missing licensing model: error at its field, nothing in the cart")

  // (b) A taken login.
  const login = await takenLogin(ctx)
  await addToCart(ctx, page, {
    handle: PPU_HANDLE,
    settings: { protection_licensing_model: "per_gigabyte", file_sync_share_licensing_model: "per_user" },
  })
  await checkout(ctx, page, { email: shopper.email, snap: "bad-checkout", stopAt: "Service details" })
  const details = section(page, /^\d+\. Service details/)
  const loginField = details.getByLabel(/login/i).first()
  await loginField.fill(login)
  await details.getByRole("alert").filter({ hasText: /taken|not available/ }).waitFor({ timeout: 15_000 })
  expect((await loginField.getAttribute("aria-invalid")) === "true", "the taken login's field is not marked invalid")
  expect(await details.getByRole("button", { name: "Continue" }).isDisabled(), "a taken login can still be continued with")
  await ctx.snap(page, "bad-login-taken")
  expect(!(await page.getByRole("button", { name: "Place order" }).isVisible()), "Place order is offered with a taken login")

  // The server refuses it as well: the same request the step would send, with the shopper's session.
  const key = await storefrontPublishableKey(ctx)
  const refused = await page.evaluate(
    async ({ backendUrl, login, email, key }) => {
      const cartId = window.localStorage.getItem("acronis_example_cart_id")
      const token = window.localStorage.getItem("medusa_auth_token")
      const res = await fetch(`${backendUrl}/store/carts/${cartId}/acronis/service-details`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...(key && { "x-publishable-api-key": key }) },
        body: JSON.stringify({ login, email }),
      })
      return { status: res.status, body: await res.json().catch(() => null) }
    },
    { backendUrl: ctx.backendUrl, login, email: shopper.email, key }
  )
  expect(refused.status >= 400 && refused.status < 500, `the server took the taken login ${login} (HTTP ${refused.status})`)
  ctx.log(`(b) taken login ${login}: shown at the field, Continue disabled, the server says ${refused.status} ${refused.body?.message ?? ""}`)

  const ordersAfter = await orderCount(ctx)
  expect(ordersAfter === ordersBefore, `bad choices made ${ordersAfter - ordersBefore} order(s)`)
  await page.context().close()
}
