// The account manager's subscription work in the admin, in headless Chromium: a provisioning that Acronis
// failed, found on the Subscriptions page and retried to active; a staff order executed from the order's
// widget; a subscription suspended and resumed. Each outcome is checked through the admin API and in the
// sandbox, not only on the page.

/**
 * @param {WalkContext} walk
 * @param {{ productId: string, suspendable: { id: string, tenant_id: string } }} subjects a pay-per-use product
 *   to order, and an active subscription to suspend and resume
 */
export async function walkSubscriptionPages(walk, { productId, suspendable }) {
  const { page, base, api, sandbox, see, snap, log } = walk

  walk.stage = "a provisioning Acronis fails"
  // Acronis keeps refusing to create users: the run spends its attempts and the subscription ends failed.
  await sandbox("POST", "/faults", { method: "POST", path: "/api/2/users", status: 500, times: 1000 })
  const failing = await newCustomer(api, "Fay", "Failure", "Failing Fabrics")
  let failedOrder, failed
  try {
    failedOrder = await api("POST", "/admin/acronis/customer-orders", ppuOrder(failing.id, productId, "Backup after a failure", true))
    failed = await waitForSubscription(api, failedOrder.order.id, (s) => s.status === "failed", 120_000)
  } finally {
    // Acronis recovers before the merchant looks; nothing after this meets the fault.
    await sandbox("DELETE", "/faults")
  }
  log(`provisioning failed as Acronis answered 500: ${failed.last_error?.step}: ${failed.last_error?.message}`)

  walk.stage = "the Subscriptions page"
  await page.goto(`${base}/app/acronis/subscriptions`)
  await see("Needs attention")
  const attentionRow = page.locator("tr", { hasText: "Failing Fabrics" }).first()
  await attentionRow.waitFor()
  await snap("09-subscriptions-needs-attention")

  walk.stage = "retrying the failed provisioning"
  await attentionRow.click()
  await page.waitForURL((url) => url.pathname.endsWith(`/acronis/subscriptions/${failed.id}`))
  await see("Create subscription admin user failed")
  await page.getByRole("button", { name: "Retry", exact: true }).waitFor()
  await snap("10-subscription-failed")
  await page.getByRole("button", { name: "Retry", exact: true }).click()
  await confirmPrompt(page, "Retry")
  const retried = await waitForSubscription(api, failedOrder.order.id, (s) => s.status === "active", 60_000)
  if (retried.tenant_id !== failed.tenant_id) throw new Error(`the retry made tenant ${retried.tenant_id}, not the failed run's ${failed.tenant_id}`)
  const afterRetry = await sandbox("GET", "/state")
  const tenantsOfFailing = afterRetry.tenants.filter((t) => t.customer_id === failing.id && !t.deleted_at)
  const usersOfFailing = afterRetry.users.filter((u) => u.tenant_id === retried.tenant_id && !u.deleted_at)
  if (tenantsOfFailing.length !== 1 || usersOfFailing.length !== 1) {
    throw new Error(`after the retry the sandbox holds ${tenantsOfFailing.length} tenants and ${usersOfFailing.length} users for the customer, not one of each`)
  }
  await page.reload()
  await see("Active")
  await snap("11-subscription-retried")
  log(`retried from the subscription page: active, one tenant "${tenantsOfFailing[0].name}" with one user ${usersOfFailing[0].login}`)

  walk.stage = "a staff order in the order widget"
  const waiting = await newCustomer(api, "Stan", "Staff", "Staffed Stores")
  const staffOrder = await api("POST", "/admin/acronis/customer-orders", ppuOrder(waiting.id, productId, "Staff order", false))
  const pending = await waitForSubscription(api, staffOrder.order.id, (s) => s.status === "pending")
  if (pending.execution !== "manual" || pending.tenant_id) {
    throw new Error(`the staff order's subscription is ${pending.execution} with tenant ${pending.tenant_id}, not waiting to be executed`)
  }
  await page.goto(`${base}/app/orders/${staffOrder.order.id}`)
  // The widget's card: the innermost block holding both its heading and its table.
  const widget = page
    .locator("div", { has: page.getByRole("heading", { name: "Acronis", exact: true }) })
    .filter({ has: page.locator("table") })
    .last()
  await widget.getByText("nothing is created in Acronis until it is executed").waitFor()
  await widget.scrollIntoViewIfNeeded()
  await snap("12-order-widget-staff-order")
  await widget.getByRole("button", { name: "Execute", exact: true }).click()
  await confirmPrompt(page, "Execute")
  const executed = await waitForSubscription(api, staffOrder.order.id, (s) => s.status === "active", 60_000)
  const afterExecute = await sandbox("GET", "/state")
  const staffTenant = afterExecute.tenants.find((t) => t.id === executed.tenant_id && !t.deleted_at)
  if (staffTenant?.customer_id !== waiting.id) throw new Error(`the executed order has no tenant of ${waiting.id} in the sandbox`)
  // The widget follows the run it started until the subscription is active.
  await widget.getByText("Active", { exact: true }).waitFor()
  await snap("13-order-widget-executed")
  log(`staff order #${staffOrder.order.display_id} executed from the order widget: tenant "${staffTenant.name}" active`)

  walk.stage = "suspending a subscription"
  await page.goto(`${base}/app/acronis/subscriptions/${suspendable.id}`)
  await page.getByRole("button", { name: "Suspend", exact: true }).click()
  await see("still bills you for the storage")
  await snap("14-subscription-suspend-warning")
  await confirmPrompt(page, "Suspend")
  await waitForStatus(api, suspendable.id, "suspended")
  const whileSuspended = (await sandbox("GET", "/state")).tenants.find((t) => t.id === suspendable.tenant_id)
  if (whileSuspended?.enabled !== false) throw new Error(`the suspended subscription's tenant is still enabled in the sandbox`)
  await page.getByRole("button", { name: "Resume", exact: true }).waitFor()
  await snap("15-subscription-suspended")

  walk.stage = "resuming the subscription"
  await page.getByRole("button", { name: "Resume", exact: true }).click()
  await confirmPrompt(page, "Resume")
  await waitForStatus(api, suspendable.id, "active")
  const resumed = (await sandbox("GET", "/state")).tenants.find((t) => t.id === suspendable.tenant_id)
  if (resumed?.enabled !== true) throw new Error(`the resumed subscription's tenant is still disabled in the sandbox`)
  await page.getByRole("button", { name: "Suspend", exact: true }).waitFor()
  log("subscription suspended (tenant disabled in the sandbox) and resumed (enabled again) from its page")
}

/** Presses the confirming button of the open prompt (an alert dialog). */
export async function confirmPrompt(page, confirmText) {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  await dialog.getByRole("button", { name: confirmText, exact: true }).click()
  await dialog.waitFor({ state: "hidden" })
}

const ppuOrder = (customerId, productId, reference, execute) => ({
  customer_id: customerId,
  product_id: productId,
  reference,
  protection_licensing_model: "per_gigabyte",
  file_sync_share_licensing_model: "per_user",
  execute,
})

async function newCustomer(api, first_name, last_name, company_name) {
  const { customer } = await api("POST", "/admin/customers", {
    email: `${first_name.toLowerCase()}-${Date.now()}@customer.test`,
    first_name,
    last_name,
    company_name,
  })
  return customer
}

/** The order's only subscription once `ready` holds for it. */
export async function waitForSubscription(api, orderId, ready, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const { subscriptions } = await api("GET", `/admin/acronis/subscriptions?order_id=${orderId}`)
    if (subscriptions.length === 1 && ready(subscriptions[0])) return subscriptions[0]
    if (Date.now() > deadline) {
      const seen = subscriptions.map((s) => `${s.status} (${JSON.stringify(s.last_error ?? null)})`).join(", ")
      throw new Error(`order ${orderId}'s subscription did not get there within ${timeoutMs / 1000} s: ${seen || "none"}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

async function waitForStatus(api, subscriptionId, status) {
  const deadline = Date.now() + 30_000
  for (;;) {
    const { subscription } = await api("GET", `/admin/acronis/subscriptions/${subscriptionId}`)
    if (subscription.status === status) return subscription
    if (Date.now() > deadline) throw new Error(`subscription ${subscriptionId} is ${subscription.status}, not ${status}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/**
 * @typedef {{
 *   page: import("playwright-core").Page, base: string, api: (method: string, path: string, body?: unknown) => Promise<any>,
 *   sandbox: (method: string, path: string, body?: unknown) => Promise<any>, db: (sql: string, params?: unknown[]) => Promise<any[]>,
 *   see: (text: string) => Promise<void>, snap: (name: string) => Promise<void>, log: (line: string) => void, stage: string
 * }} WalkContext
 */
