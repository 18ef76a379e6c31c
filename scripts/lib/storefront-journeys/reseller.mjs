// The reseller's journey through the example storefront, in headless Chromium: staff make a customer a
// reseller (admin API); the reseller creates a sub-account through the form (reviewing similar ones when the
// store finds any), imports its users from a CSV file, and starts an order for it; and the account pages with
// the subscription's usage chart. Each step checks what it did where it lands: the sandbox's tenants and
// users, the admin API, the cart.
//
// `ctx` is the storefront harness's (scripts/test-storefront.mjs): { browser, newPage, storefrontUrl,
// backendUrl, admin(method, path, body?), sandbox(method, path, body?), snap(page, name),
// log(line), waitFor(what, timeoutMs, probe) }.

import { storefrontPublishableKey } from "./store-api.mjs"

const PPU_HANDLE = "acronis-cyber-protect-cloud"
const CART_KEY = "acronis_example_cart_id"
const GB = 1024 ** 3

/** The reseller each harness run made, for the checks of the later steps. */
const resellers = new WeakMap()

/**
 * Staff make the customer with this e-mail a reseller (named after the customer's company or name), as the
 * admin's "Make reseller" does. Returns `{ reseller_id, customer_id, name }`.
 */
export async function makeReseller(ctx, email, name) {
  const { customers } = await ctx.admin("GET", `/admin/customers?q=${encodeURIComponent(email)}&limit=5`)
  const customer = customers.find((c) => c.email === email.toLowerCase())
  if (!customer) throw new Error(`no customer ${email} to make a reseller`)
  const resellerName = name ?? (customer.company_name || `${customer.first_name ?? ""} ${customer.last_name ?? ""}`.trim() || email) + " Reseller"
  const { reseller } = await ctx.admin("POST", "/admin/acronis/resellers", { customer_id: customer.id, name: resellerName })
  const made = { reseller_id: reseller.id, customer_id: customer.id, name: reseller.name }
  resellers.set(ctx, made)
  ctx.log(`${email} acts for reseller "${reseller.name}" (${reseller.id})`)
  return made
}

async function openResellerArea(ctx, page) {
  await page.goto(`${ctx.storefrontUrl}/account/reseller`)
  await page.getByRole("heading", { name: "Sub-accounts", level: 2 }).waitFor({ timeout: 30_000 })
}

async function openSubAccount(ctx, page, name) {
  await openResellerArea(ctx, page)
  await page.getByRole("link", { name, exact: true }).click()
  await page.getByRole("heading", { name, level: 1 }).waitFor({ timeout: 30_000 })
  return page.url().split("/").pop()
}

/**
 * Creates a sub-account through the reseller area's form: `{ kind?, name, email, phone?, address_1, city,
 * postal_code, country_code }`. When the store finds similar sub-accounts it shows them with their reasons;
 * the journey snaps that review and confirms. Waits until the account number replaces "PENDING", and checks
 * that Acronis's tenant is a customer under the reseller's partner tenant. Returns `{ id, name, account_number }`.
 */
export async function createSubAccount(ctx, page, details) {
  const fields = { kind: "end_customer", phone: "", ...details }
  await openResellerArea(ctx, page)
  await page.getByRole("button", { name: "New sub-account" }).click()
  const form = page.getByRole("form", { name: "New sub-account" })
  await form.getByLabel("Kind").selectOption(fields.kind)
  await form.getByLabel("Company name").fill(fields.name)
  await form.getByLabel("E-mail").fill(fields.email)
  if (fields.phone) await form.getByLabel("Phone").fill(fields.phone)
  await form.getByLabel("Address").fill(fields.address_1)
  await form.getByLabel("City").fill(fields.city)
  await form.getByLabel("Postal code").fill(fields.postal_code)
  await form.getByLabel("Country").fill(fields.country_code)
  await form.getByRole("button", { name: "Create sub-account" }).click()

  const review = page.getByRole("heading", { name: "You may have this customer already" })
  const working = page.getByText(/Setting up the account in Acronis|is ready\. Account number/)
  await review.or(working).first().waitFor({ timeout: 30_000 })
  if (await review.isVisible()) {
    const similar = await page.locator("section", { has: review }).getByRole("listitem").allInnerTexts()
    ctx.log(`similar sub-accounts shown for "${fields.name}": ${similar.map((s) => s.split("\n")[0]).join(", ")}`)
    await ctx.snap(page, "new-sub-account-similar-review")
    await page.getByRole("button", { name: "Create it anyway" }).click()
  }
  const number = page.getByTestId("sub-account-number")
  await number.waitFor({ timeout: 60_000 })
  const accountNumber = (await number.innerText()).trim()
  if (!accountNumber || accountNumber === "PENDING") throw new Error(`sub-account "${fields.name}" shows account number ${accountNumber}`)
  await ctx.snap(page, "new-sub-account-active")

  const state = await ctx.sandbox("GET", "/state")
  const tenant = state.tenants.find((t) => t.id === accountNumber && !t.deleted_at)
  if (!tenant) throw new Error(`no Acronis tenant ${accountNumber} for sub-account "${fields.name}"`)
  const parent = state.tenants.find((t) => t.id === tenant.parent_id)
  const reseller = resellers.get(ctx)
  if (tenant.kind !== "customer" || parent?.kind !== "partner" || (reseller && parent.customer_id !== reseller.reseller_id)) {
    throw new Error(
      `tenant ${accountNumber} is a ${tenant.kind} under ${parent ? `${parent.kind} "${parent.name}"` : tenant.parent_id}, not a customer under the reseller's partner tenant`
    )
  }
  ctx.log(`sub-account "${fields.name}": account ${accountNumber}, a customer tenant under partner "${parent.name}"`)

  await openResellerArea(ctx, page)
  const href = await page.getByRole("link", { name: fields.name, exact: true }).first().getAttribute("href")
  await ctx.snap(page, "reseller-sub-accounts")
  return { id: href?.split("/").pop(), name: fields.name, account_number: accountNumber }
}

/**
 * Imports users into the named sub-account: chooses the CSV through the file chooser, checks the preview
 * shows every row without errors, imports, and checks each user exists in Acronis under the sub-account's
 * tenant and in the admin's view of the reseller.
 */
export async function importUsers(ctx, page, subAccountName, csvText) {
  const id = await openSubAccount(ctx, page, subAccountName)
  const emails = csvText
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((row) => row.split(",")[0].trim().toLowerCase())
    .filter(Boolean)
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByLabel("CSV file", { exact: true }).click()])
  await chooser.setFiles({ name: "users.csv", mimeType: "text/csv", buffer: Buffer.from(csvText) })
  const preview = page.getByRole("region", { name: "Preview of users.csv" })
  await preview.waitFor({ timeout: 30_000 })
  const importButton = preview.getByRole("button", { name: `Import ${emails.length} ${emails.length === 1 ? "user" : "users"}` })
  if (!(await importButton.isVisible())) {
    await ctx.snap(page, "sub-account-csv-refused")
    throw new Error(`the CSV preview refuses the file: ${(await preview.innerText()).replace(/\s+/g, " ")}`)
  }
  await preview.getByRole("cell", { name: emails[0] }).waitFor()
  await ctx.snap(page, "sub-account-csv-preview")
  await importButton.click()
  const section = page.getByRole("region", { name: "Import users from a CSV file" })
  const added = section.getByRole("status").filter({ hasText: /added; each gets an activation e-mail/ })
  const refused = section.getByRole("alert")
  await added.or(refused).first().waitFor({ timeout: 60_000 })
  if (await refused.isVisible()) {
    await ctx.snap(page, "sub-account-import-refused")
    throw new Error(`the import was refused: ${(await refused.innerText()).trim()}`)
  }
  const usersTable = page.getByRole("table", { name: `Users of ${subAccountName}` })
  for (const email of emails) await usersTable.getByRole("cell", { name: email, exact: true }).waitFor()
  await ctx.snap(page, "sub-account-users")

  const { sub_account } = await readSubAccount(ctx, page, id)
  const state = await ctx.sandbox("GET", "/state")
  const inAcronis = new Set(state.users.filter((u) => u.tenant_id === sub_account.account_number).map((u) => (u.email ?? u.contact?.email ?? "").toLowerCase()))
  const missing = emails.filter((e) => !inAcronis.has(e))
  if (missing.length) throw new Error(`not in Acronis under tenant ${sub_account.account_number}: ${missing.join(", ")}`)
  const reseller = resellers.get(ctx)
  if (reseller) {
    const { reseller: detail } = await ctx.admin("GET", `/admin/acronis/resellers/${reseller.reseller_id}`)
    const users = detail.sub_accounts.find((s) => s.id === id)?.users ?? []
    const unseen = emails.filter((e) => !users.some((u) => u.email === e))
    if (unseen.length) throw new Error(`the admin does not list ${unseen.join(", ")} under "${subAccountName}"`)
  }
  ctx.log(`imported ${emails.length} users into "${subAccountName}" (tenant ${sub_account.account_number})`)
  return { sub_account_id: id, emails }
}

/**
 * "Order for this sub-account": the cart orders for it (its `acronis_sub_account_id`, and the Acronis
 * checkout says so) and the browser lands on the pay-per-use product page. The shopper's checkout goes on.
 */
export async function orderForSubAccount(ctx, page, subAccountName) {
  const id = await openSubAccount(ctx, page, subAccountName)
  await page.getByRole("button", { name: "Order for this sub-account" }).click()
  await page.waitForURL((url) => url.pathname === `/products/${PPU_HANDLE}`, { timeout: 30_000 })
  const cartId = await page.evaluate((key) => window.localStorage.getItem(key), CART_KEY)
  if (!cartId) throw new Error("no cart after ordering for a sub-account")
  const { acronis_checkout } = await storeFetch(ctx, page, `/store/carts/${cartId}/acronis/checkout`)
  if (acronis_checkout.sub_account_id !== id) {
    throw new Error(`cart ${cartId} orders for ${acronis_checkout.sub_account_id ?? "the reseller itself"}, not sub-account ${id}`)
  }
  await ctx.snap(page, "order-for-sub-account-product")
  ctx.log(`cart ${cartId} orders for "${subAccountName}" (${id}); on the pay-per-use product page`)
  return { cart_id: cartId, sub_account_id: id }
}

/**
 * The account page and the first subscription's page: its usage chart drawn from this month's synced usage,
 * its estimate, and a change's cost preview (not confirmed). The subscription gets usage in Acronis for the
 * month's days so far; the usage sync job reads them (the harness runs the job once, now, rather than wait
 * for its hourly schedule), and the page draws them.
 */
export async function accountPages(ctx, page) {
  await page.goto(`${ctx.storefrontUrl}/account`)
  await page.getByRole("heading", { name: "Your Acronis services", level: 2 }).waitFor({ timeout: 30_000 })
  const details = page.getByRole("link", { name: /^Usage, statements and changes of / }).first()
  await details.waitFor({ timeout: 30_000 })
  await ctx.snap(page, "account")
  await details.click()
  await page.waitForURL(/\/account\/subscriptions\/[^/]+$/)
  const subscriptionId = page.url().split("/").pop()
  await page.getByRole("heading", { name: /^Usage in / }).waitFor({ timeout: 30_000 })

  // Usage in Acronis for the month's days so far, read by the usage sync job; the page then draws it.
  await giveUsage(ctx, subscriptionId)
  await ctx.syncUsage()
  const settings = await ctx.admin("GET", "/admin/acronis/settings")
  const run = settings.settings.jobs.find((job) => job.name === "acronis-usage-sync")?.last_run
  if (run?.outcome !== "succeeded") throw new Error(`the usage sync job's last run: ${JSON.stringify(run)}`)
  await page.reload()
  const chart = page.getByTestId("acronis-usage-chart")
  const workstations = chart.getByRole("img", { name: /^Workstations/ })
  await workstations.waitFor({ timeout: 30_000 })
  const bars = await chart.locator("svg rect").count()
  const summary = await workstations.getAttribute("aria-label")
  if (!bars || !summary) throw new Error("the usage chart draws no bars or has no summary")
  const total = (await page.getByTestId("acronis-estimate-total").innerText()).trim()
  if (!/[1-9]/.test(total)) throw new Error(`the month's usage is drawn but the estimate says "${total}"`)
  ctx.log(`subscription ${subscriptionId}: chart with ${bars} bars ("${summary}"); estimate ${total}`)
  await ctx.snap(page, "subscription-usage-statements")

  const form = page.getByRole("form", { name: "Change your terms" })
  if (await form.isVisible()) {
    const protection = form.getByLabel("Protection licensing model")
    if (await protection.isVisible()) {
      const current = await protection.inputValue()
      await protection.selectOption(current === "per_gigabyte" ? "per_workload" : "per_gigabyte")
    }
    await form.getByRole("button", { name: "Preview the cost" }).click()
    await page.getByRole("heading", { name: "What this change costs" }).or(page.getByText("nothing would change")).first().waitFor({ timeout: 30_000 })
    await ctx.snap(page, "subscription-change-preview")
    ctx.log(`change preview: ${(await page.getByTestId("acronis-change-difference").innerText().catch(() => "no change")).trim()}`)
  }
  return { subscription_id: subscriptionId }
}

/** This month's days so far in Acronis: storage growing, 3 then 5 workstations. */
async function giveUsage(ctx, subscriptionId) {
  const { subscription } = await ctx.admin("GET", `/admin/acronis/subscriptions/${subscriptionId}`)
  const tenant = (await ctx.sandbox("GET", "/state")).tenants.find((t) => t.id === subscription.tenant_id)
  const item = (name) => tenant?.offering_items?.find((i) => i.name === name)
  const storage = item("pg_base_storage") ?? item("pw_base_storage")
  const workloads = item("pg_base_workstations") ?? item("pw_base_workstations")
  if (!storage || !workloads) throw new Error(`tenant ${subscription.tenant_id} has no storage and workstations enabled`)
  const today = new Date().toISOString().slice(0, 10)
  const days = []
  for (let d = new Date(`${today.slice(0, 8)}01T00:00:00Z`); d.toISOString().slice(0, 10) <= today; d.setUTCDate(d.getUTCDate() + 1)) {
    days.push(d.toISOString().slice(0, 10))
  }
  const usage = days.flatMap((day, i) => [
    { item: storage, unit: "bytes", day, value: (20 + 3 * i) * GB },
    { item: workloads, unit: "quantity", day, value: i < days.length / 2 ? 3 : 5 },
  ])
  // Like Acronis, the sandbox shows measured usage only from its next refresh (hours later by default): at once here.
  await ctx.sandbox("PUT", "/timing", { usage_refresh_hours: 0 })
  await ctx.sandbox("PUT", "/usages", {
    items: usage.map((u) => ({ tenant_id: tenant.id, offering_item: u.item.name, infra_id: u.item.infra_id ?? undefined, date: u.day, value: u.value })),
  })
  ctx.log(`usage for ${days.length} days of ${today.slice(0, 7)} in Acronis for tenant ${tenant.id}`)
}

async function readSubAccount(ctx, page, id) {
  return storeFetch(ctx, page, `/store/acronis/sub-accounts/${id}`)
}

/** A store request as the signed-in customer of `page` (its token and the storefront's publishable key). */
async function storeFetch(ctx, page, path) {
  const token = await page.evaluate(() => window.localStorage.getItem("medusa_auth_token"))
  const key = await storefrontPublishableKey(ctx)
  const response = await fetch(`${ctx.backendUrl}${path}`, {
    headers: { "x-publishable-api-key": key, ...(token && { authorization: `Bearer ${token}` }) },
  })
  const body = await response.json()
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${body?.message ?? ""}`)
  return body
}
