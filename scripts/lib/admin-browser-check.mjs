// Drives the Medusa admin of a running host app in headless Chromium through the plugin's admin extensions,
// as a merchant would: the Acronis and Settings pages, the product widget, the "add product to customer"
// wizard from a customer's page through to a provisioned subscription (pay per use, and a plan with its order
// form), then an account manager's day: a failed provisioning retried, a staff order executed, a subscription
// suspended and resumed, a month closed, a reseller's sub-account and users. Debian's Chromium only; never a
// downloaded browser.
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { chromium } from "playwright-core"
import { closablePeriod, servedFrom, walkBillingPages } from "./admin-walk-billing.mjs"
import { walkResellerPages } from "./admin-walk-resellers.mjs"
import { walkSubscriptionPages } from "./admin-walk-subscriptions.mjs"

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

// Without the background-networking flags Chromium keeps trying to reach Google, which a closed network refuses.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/** A seat plan sold with its order form (as in integration-tests/http/checkout.spec.ts). */
const PLAN_FORM_OFFER = JSON.parse(readFileSync(new URL("../../integration-tests/http/fixtures/plan-form-offer.json", import.meta.url), "utf8"))
// The sandbox's partner-hosted backup storage (src/sandbox/catalogue.ts INFRA_IDS), as Acronis names it.
const PARTNER_STORAGE = { id: "0a1e0000-5b5e-4c0d-9e7a-acc0b5700002", name: "Partner-hosted Storage (Virginia, US)" }

/**
 * @param {{ base: string, api: AdminApi, sandboxUrl: string, db: (sql: string, params?: unknown[]) => Promise<any[]>, screenshotsDir: string, log: (line: string) => void }} options
 *   `api` logged in as the admin whose `email` and `password` the browser uses; `sandboxUrl` is the host's
 *   Acronis sandbox, where the wizard's tenant must appear; `db` queries the host's database (for the month
 *   the billing walk closes, see admin-walk-billing.mjs)
 * @returns the customer the wizard gave pay per use to, and their active subscription
 */
export async function checkAdminInBrowser({ base, api, sandboxUrl, db, screenshotsDir, log }) {
  if (!existsSync(chromiumPath)) {
    throw new Error(`no Chromium at ${chromiumPath}: install Debian's chromium package (or set CHROMIUM_PATH)`)
  }
  const { email, password } = api.login
  const { regions } = await api("GET", "/admin/regions?currency_code=usd")
  if (!regions.length) await api("POST", "/admin/regions", { name: "United States", currency_code: "usd" })
  const { product } = await api("POST", "/admin/products", {
    title: "Acronis Cyber Protect Cloud",
    status: "published",
    options: [{ title: "Subscription", values: ["Monthly"] }],
    variants: [{ title: "Monthly", options: { Subscription: "Monthly" }, manage_inventory: false, prices: [{ currency_code: "usd", amount: 0 }] }],
  })
  const { customer } = await api("POST", "/admin/customers", {
    email: `browser-${Date.now()}@customer.test`,
    first_name: "Bea",
    last_name: "Browser",
    company_name: "Browser Bakery",
  })
  const plan = await createPlanProduct(api)
  const { customer: planCustomer } = await api("POST", "/admin/customers", {
    email: `contoso-${Date.now()}@customer.test`,
    first_name: "Connie",
    last_name: "Toso",
    company_name: "Contoso Ltd",
  })

  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.setDefaultTimeout(60_000)
  const pageErrors = []
  page.on("pageerror", (error) => pageErrors.push(error.message))
  const see = (text) => page.getByText(text, { exact: false }).first().waitFor()
  // Every page the merchant sees is kept as a picture, to be looked at as they would.
  // The admin scrolls inside its own pane, so a full-page picture is only the window: the window grows by what
  // the pane hides for the picture, then shrinks back.
  const snap = async (name) => {
    mkdirSync(screenshotsDir, { recursive: true })
    const hidden = await page.evaluate(() =>
      Math.max(0, ...[...document.querySelectorAll("*")].filter((e) => /auto|scroll/.test(getComputedStyle(e).overflowY)).map((e) => e.scrollHeight - e.clientHeight))
    )
    const viewport = page.viewportSize()
    if (hidden > 0) await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + hidden, 4000) })
    await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true })
    if (hidden > 0) await page.setViewportSize(viewport)
  }
  const sandbox = async (method, path, body) => {
    const response = await fetch(`${sandboxUrl}/__sandbox${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`)
    return response.status === 204 ? undefined : response.json()
  }
  const walk = { page, base, api, sandbox, db, see, snap, log, stage: "logging in" }
  const billedPeriod = closablePeriod()
  try {
    // The first visit compiles the admin in Vite's dev server, which takes a while on a small machine.
    await page.goto(`${base}/app/login`, { timeout: 300_000 })
    await page.locator('input[name="email"]').fill(email, { timeout: 300_000 })
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"))

    walk.stage = "the Acronis page"
    await page.goto(`${base}/app/acronis`)
    await see("Partner tenant:")
    const tenantLine = await page.getByText("Partner tenant:").first().textContent()
    if (/unreachable/.test(tenantLine ?? "")) throw new Error(`the Acronis page says: ${tenantLine}`)
    await see("Sandbox")
    await page.locator("table tbody tr").first().waitFor()
    log(`Acronis page: ${tenantLine?.trim()}, ${await page.locator("table tbody tr").count()} offering items`)
    await snap("01-acronis-page")

    walk.stage = "the Settings page"
    await page.goto(`${base}/app/acronis/settings`)
    await page.getByRole("button", { name: "Test connection", exact: true }).click()
    await see("Connected")
    await see("Scheduled jobs")
    await see("acronis-monthly-close")
    await snap("02-settings")

    walk.stage = "the product widget"
    await page.goto(`${base}/app/products/${product.id}`)
    await see("Not an Acronis product")
    await page.getByRole("button", { name: "Sell through Acronis" }).click()
    await page.getByRole("button", { name: "Save", exact: true }).click()
    await see("Protection: Per gigabyte, Per workload")
    await snap("03-product-widget")
    const { acronis_offer: offer } = await api("GET", `/admin/products/${product.id}/acronis-offer`)
    if (offer?.type !== "ppu") throw new Error(`the widget saved ${JSON.stringify(offer)}, not a pay-per-use offer`)
    log("product widget: the product became a pay-per-use Acronis product")

    walk.stage = "the product widget's usage prices"
    // The prices the month closed below bills by.
    await page.getByRole("button", { name: "Edit prices", exact: true }).click()
    const drawer = page.getByRole("dialog")
    await drawer.locator("#unit-price-pg_base_storage-usd").fill("0.05")
    await drawer.locator("#unit-price-pg_base_workstations-usd").fill("4")
    await snap("03b-product-usage-prices")
    await drawer.getByRole("button", { name: "Save", exact: true }).click()
    await see("Usage prices saved")
    await drawer.waitFor({ state: "hidden" })
    const { acronis_offer: priced } = await api("GET", `/admin/products/${product.id}/acronis-offer`)
    if (JSON.stringify(priced.unit_prices) !== JSON.stringify({ pg_base_storage: { usd: 0.05 }, pg_base_workstations: { usd: 4 } })) {
      throw new Error(`the usage prices saved are ${JSON.stringify(priced.unit_prices)}`)
    }
    log("product widget: usage prices set, USD 0.05 per GB of backup storage and USD 4 per workstation")

    walk.stage = "the customer page"
    await page.goto(`${base}/app/customers/${customer.id}`)
    await page.getByRole("link", { name: "Add product" }).click()
    await page.waitForURL((url) => url.pathname.endsWith("/acronis/add-product"))

    walk.stage = "the add-product wizard"
    await see("Step 1 of 5: Customer")
    const next = page.getByRole("button", { name: "Next", exact: true })
    await next.click()
    await see("Step 2 of 5: Plan")
    await page.getByText("Acronis Cyber Protect Cloud — Cyber Protect Cloud (pay per use)").click()
    await next.click()
    await see("Step 3 of 5: Interval")
    await snap("04-wizard-interval")
    await next.click()
    await see("Step 4 of 5: Details")
    await page.locator("#reference").fill("Browser test")
    await chooseOption(page, "Protection licensing model", "Per gigabyte")
    await chooseOption(page, "File Sync & Share licensing model", "Per user")
    await next.click()
    await see("Step 5 of 5: Confirm")
    await see(`Customer: ${customer.email}`)
    await snap("05-wizard-confirm")
    // This subscription is billed for last month below: the sandbox provisions it believing it is that month's 1st.
    await sandbox("PUT", "/clock", { run_from: servedFrom(billedPeriod) })
    await page.getByRole("button", { name: "Create", exact: true }).click()
    await see("Product added")
    const confirmation = await page.getByText(/Order #\d+ for/).first().textContent()
    log(`wizard: ${confirmation?.trim()}`)
    await snap("06-wizard-done")
    await page.getByRole("link", { name: "Open the order" }).click()
    await page.waitForURL((url) => /\/orders\/order_/.test(url.pathname))

    walk.stage = "provisioning the wizard's order"
    const subscription = await waitForActiveSubscription(api, customer.id).finally(() => sandbox("DELETE", "/clock"))
    const { tenants, users } = await fetch(`${sandboxUrl}/__sandbox/state`).then((response) => response.json())
    const tenant = tenants.find((t) => t.id === subscription.tenant_id && !t.deleted_at)
    if (tenant?.name !== customer.company_name || tenant.kind !== "customer") {
      throw new Error(`the sandbox has no customer tenant "${customer.company_name}" for it: ${JSON.stringify(tenant ?? null)}`)
    }
    if (!users.some((user) => user.tenant_id === tenant.id && user.login === subscription.login && !user.deleted_at)) {
      throw new Error(`the sandbox has no user ${subscription.login} in tenant ${tenant.id}`)
    }
    log(`wizard's order provisioned: sandbox tenant "${tenant.name}" with admin user ${subscription.login}`)

    walk.stage = "the add-product wizard for a plan with its order form"
    await addPlanThroughWizard({ page, base, see, snap, plan, customer: planCustomer })
    log("wizard: the plan's order form filled in (Cloud, data location, package, customer, domain, proposed login)")

    walk.stage = "provisioning the wizard's plan order"
    const planSubscription = await waitForActiveSubscription(api, planCustomer.id)
    const state = await fetch(`${sandboxUrl}/__sandbox/state`).then((response) => response.json())
    const planTenant = state.tenants.find((t) => t.id === planSubscription.tenant_id && !t.deleted_at)
    if (!planTenant) throw new Error(`the sandbox has no tenant ${planSubscription.tenant_id} for the plan`)
    const storages = planTenant.offering_items.filter((item) => item.name === "pw_base_storage").map((item) => item.infra_id)
    if (storages.join() !== PARTNER_STORAGE.id) {
      throw new Error(`the plan's tenant stores its backups in ${storages.join(", ") || "nothing"}, not the chosen ${PARTNER_STORAGE.id}`)
    }
    if (planSubscription.login !== "admin.contoso.com" || !state.users.some((u) => u.tenant_id === planTenant.id && u.login === "admin.contoso.com" && !u.deleted_at)) {
      throw new Error(`the plan's administrator is ${planSubscription.login}, not the proposed admin.contoso.com in tenant ${planTenant.id}`)
    }
    log(`wizard's plan provisioned: sandbox tenant "${planTenant.name}" in ${PARTNER_STORAGE.name}, administrator ${planSubscription.login}`)

    await walkBillingPages(walk, { subscription, period: billedPeriod })
    await walkSubscriptionPages(walk, { productId: product.id, suspendable: subscription })
    walk.stage = "the Resellers pages"
    await walkResellerPages({ ...walk, sandboxUrl })

    if (pageErrors.length) throw new Error(`the admin threw in the browser: ${pageErrors.join("; ")}`)
    return { customer, subscription }
  } catch (error) {
    mkdirSync(screenshotsDir, { recursive: true })
    const file = join(screenshotsDir, "admin-failure.png")
    await page.screenshot({ path: file, fullPage: true }).catch(() => {})
    const errors = pageErrors.length ? ` (errors in the page: ${pageErrors.join("; ")})` : ""
    throw new Error(`admin in the browser, ${walk.stage}: ${error.message.split("\n")[0]}${errors}; screenshot: ${file}`)
  } finally {
    await browser.close()
  }
}

/** A published plan product sold with its order form, priced in USD. */
async function createPlanProduct(api) {
  const { product } = await api("POST", "/admin/products", {
    title: "Acronis Cloud Backup plan",
    status: "published",
    options: [{ title: "Subscription", values: ["Monthly"] }],
    variants: [{ title: "Monthly", options: { Subscription: "Monthly" }, manage_inventory: false, prices: [{ currency_code: "usd", amount: 30 }] }],
  })
  await api("POST", `/admin/products/${product.id}/acronis-offer`, PLAN_FORM_OFFER)
  return product
}

/**
 * The wizard for a plan: the Details step's order form looked at as SaaS, then filled in as Cloud in the
 * partner-hosted storage with the Business package, the customer's details, a proposed login and the
 * credentials to the account manager; created with provisioning now.
 */
async function addPlanThroughWizard({ page, base, see, snap, plan, customer }) {
  await page.goto(`${base}/app/acronis/add-product?customer_id=${customer.id}`)
  const next = page.getByRole("button", { name: "Next", exact: true })
  await see("Step 1 of 5: Customer")
  await next.click()
  await see("Step 2 of 5: Plan")
  await page.getByText(`${plan.title} — Seat plan`).click()
  await next.click()
  await see("Step 3 of 5: Interval")
  await next.click()
  await see("Step 4 of 5: Details")
  // The admin scrolls inside its own pane, so a full-page picture is the window: make it tall enough for the form.
  await page.setViewportSize({ width: 1440, height: 1700 })
  await page.locator("#reference").fill("Contoso backup")

  await page.getByLabel("SaaS", { exact: true }).click()
  await chooseOption(page, "Currency", "USD")
  await see("USD 3.50 per user a month")
  await snap("07-wizard-plan-details-saas")

  await page.getByLabel("Cloud", { exact: true }).click()
  await chooseOption(page, "Data location", PARTNER_STORAGE.name)
  await page.getByLabel(/data location is permanent/).click()
  await page.getByLabel("Post-paid", { exact: true }).click()
  await page.getByLabel("Business (50 users)", { exact: true }).click()
  await page.locator("#plan-customer-company_name").fill(customer.company_name)
  await page.locator("#plan-customer-contact_name").fill("Connie Toso")
  await page.locator("#plan-customer-contact_email").fill("connie@contoso.com")
  await page.locator("#plan-domain").fill("contoso.com")
  if ((await page.locator("#plan-admin-username").inputValue()) !== "Admin") throw new Error("the administrator's username is not Admin by default")
  await page.getByRole("button", { name: "Propose login", exact: true }).click()
  await see("Proposed login: admin.contoso.com")
  if ((await page.locator("#login").inputValue()) !== "admin.contoso.com") throw new Error("the proposed login did not fill the login field")
  const accountManager = page.getByLabel(/account manager who created the order/)
  if ((await accountManager.getAttribute("data-state")) !== "checked") throw new Error("credentials do not go to the account manager by default")
  await snap("08-wizard-plan-details-cloud")
  await page.setViewportSize({ width: 1440, height: 1000 })
  await next.click()

  await see("Step 5 of 5: Confirm")
  await see(`Data location: ${PARTNER_STORAGE.name} (permanent, confirmed)`)
  await see("Plans: Business (50 users)")
  await see("Administrator username: Admin (login: admin.contoso.com)")
  await snap("08b-wizard-plan-confirm")
  await page.getByRole("button", { name: "Create", exact: true }).click()
  await see("Product added")
}

/** Picks `option` in the Medusa UI select (a Radix listbox) labelled `label`. */
async function chooseOption(page, label, option) {
  await page.getByLabel(label, { exact: true }).click()
  await page.getByRole("option", { name: option, exact: true }).click()
}

async function waitForActiveSubscription(api, customerId) {
  const deadline = Date.now() + 60_000
  for (;;) {
    const { subscriptions } = await api("GET", `/admin/acronis/subscriptions?customer_id=${customerId}`)
    const [subscription] = subscriptions
    if (subscription?.status === "active") return subscription
    if (Date.now() > deadline) {
      const { subscriptions: newest } = await api("GET", "/admin/acronis/subscriptions?limit=3")
      const seen = newest.map((s) => `${s.id} ${s.type} ${s.status} customer ${s.customer_id} order ${s.order_id}`).join("; ")
      throw new Error(`subscription of ${customerId} still ${subscription?.status ?? "missing"}: ${JSON.stringify(subscription?.last_error ?? null)} (newest: ${seen})`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * @typedef {((method: string, path: string, body?: unknown) => Promise<any>) & { login: { email: string, password: string } }} AdminApi
 */

/**
 * A tiny admin API client with a bearer token; any non-2xx answer throws with the body.
 * @returns {Promise<AdminApi>}
 */
export async function adminApi(base, email, password) {
  const login = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  }).then((response) => response.json())
  if (!login.token) throw new Error("could not log in to the admin API")
  const api = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${login.token}`, ...(body && { "content-type": "application/json" }) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const payload = await response.json().catch(() => ({}))
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`)
    return payload
  }
  return Object.assign(api, { login: { email, password } })
}
