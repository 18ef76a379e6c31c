// The admin's Resellers pages, walked as an account manager would, with every outcome checked through the
// admin API and the Acronis sandbox: a reseller (a customer who can log in to the store) adds two sub-accounts
// through the store API; the second looks like the first and its provisioning fails (a fault injected in the
// sandbox), so it waits for staff. The merchant finds it in the Resellers list, reviews the possible duplicate
// on the reseller's page, provisions it again to active, and imports its users from a CSV file in the users
// drawer. Used by admin-browser-check.mjs after its own part of the walk, in the same browser page.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const PASSWORD = "correct-horse-battery-staple"
const sleep = (ms) => new Promise((done) => setTimeout(done, ms))

/**
 * @param {{
 *   page: import("playwright-core").Page, base: string, api: import("./admin-browser-check.mjs").AdminApi,
 *   sandboxUrl: string, see: (text: string) => Promise<void>, snap: (name: string) => Promise<void>,
 *   log: (line: string) => void,
 * }} options  `page` logged in to the admin; screenshots are named 20-… to 25-…
 * @returns the reseller, the sub-account the merchant provisioned and the users imported into it
 */
export async function walkResellerPages({ page, base, api, sandboxUrl, see, snap, log }) {
  const stamp = Date.now()
  const sandbox = sandboxClient(sandboxUrl)
  // A picture taken while a prompt or drawer still fades in shows it half transparent: wait for the animations.
  const settled = () =>
    page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, { timeout: 5_000 }).catch(() => {})
  // Toasts stay up over the drawer's header; the walk has read them, so close them before the next picture.
  const dismissToasts = async () => {
    const toasts = page.locator("[data-sonner-toast]")
    for (let tries = 0; tries < 5 && (await toasts.count()); tries++) await toasts.first().getByRole("button").click({ timeout: 2_000 }).catch(() => {})
    await toasts.first().waitFor({ state: "detached", timeout: 10_000 }).catch(() => {})
  }

  // A reseller the way a shop gets one: a customer signed up in the store, made a reseller by staff.
  const store = await storeClient(base, api, stamp)
  const resellerName = `Northwind Partners ${stamp}`
  const rita = await store.signUp({ email: `rita-${stamp}@northwind-partners.example`, first_name: "Rita", last_name: "Reseller" })
  const { reseller } = await api("POST", "/admin/acronis/resellers", { customer_id: rita.customer.id, name: resellerName })

  // Its first sub-account provisions by itself, as every sub-account should.
  const address = { address_1: "12 Harbour Road", city: "Portsmouth", postal_code: "PO1 3AX", country_code: "gb" }
  const first = await rita.createSubAccount({ kind: "end_customer", name: "Fabrikam Marine", email: `it-${stamp}@fabrikam-marine.example`, ...address })
  const active = await rita.waitForSubAccount(first.id, (s) => s.status === "active", "active")

  // The second is the same company again (name, address, e-mail domain), and Acronis refuses its tenant once:
  // it stays pending with the reason, and only staff can finish it.
  const fault = await sandbox("POST", "/faults", { method: "POST", path: "/api/2/tenants", status: 403, times: 1 })
  let second
  try {
    second = await rita.createSubAccount({ kind: "end_customer", name: "Fabrikam Marine Ltd", email: `office-${stamp}@fabrikam-marine.example`, ...address })
    second = await rita.waitForSubAccount(second.id, (s) => s.status === "pending" && s.provisioning_error, "a provisioning error")
  } finally {
    // Never leave the fault armed for whatever runs next in this host.
    const { items = [] } = (await sandbox("GET", "/faults")) ?? {}
    if (items.some((f) => f.id === fault.id)) await sandbox("DELETE", "/faults")
  }
  log(`resellers: "${resellerName}" with "${active.name}" active (${active.account_number}) and "${second.name}" pending: ${second.provisioning_error}`)

  // The list, reached from the sidebar: the reseller is there with its failed sub-account flagged.
  await page.goto(`${base}/app/acronis`)
  await page.getByRole("link", { name: "Resellers", exact: true }).first().click()
  await page.waitForURL((url) => url.pathname.endsWith("/acronis/resellers"))
  await see("Companies reselling Acronis")
  await page.getByPlaceholder("Search by name").fill(resellerName)
  const row = page.locator("table tbody tr", { hasText: resellerName })
  await row.waitFor()
  await row.getByText("1 failed").waitFor()
  if (!(await row.getByText(rita.customer.email).count())) throw new Error(`the Resellers list does not show ${rita.customer.email} acting for ${resellerName}`)
  await snap("20-resellers-list")

  // The reseller's page: the failure with its reason, and the duplicate review naming the active look-alike.
  await row.click()
  await page.waitForURL((url) => url.pathname.endsWith(`/acronis/resellers/${reseller.id}`))
  await see("provisioning failed: Fabrikam Marine Ltd")
  const failedRow = page.locator("table tbody tr", { hasText: "Fabrikam Marine Ltd" })
  await failedRow.getByText("Possible duplicate of:").waitFor()
  await failedRow.getByText(`Fabrikam Marine · ${active.account_number}`).waitFor()
  for (const reason of ["Same company name", "Same street address", "Same e-mail domain"]) await failedRow.getByText(reason).waitFor()
  await snap("21-reseller-detail-failed")

  // The merchant has seen it is a second company of the same group and provisions it anyway: Retry, confirm.
  await failedRow.getByRole("button", { name: "Retry", exact: true }).click()
  await see("Provision Fabrikam Marine Ltd?")
  await settled()
  await snap("22-reseller-provision-prompt")
  await page.getByRole("button", { name: "Provision", exact: true }).click()
  await see("Fabrikam Marine Ltd is active: account")
  await failedRow.getByText("Active", { exact: true }).waitFor()
  await snap("23-reseller-detail-active")

  const { reseller: afterRetry } = await api("GET", `/admin/acronis/resellers/${reseller.id}`)
  const provisioned = afterRetry.sub_accounts.find((s) => s.id === second.id)
  if (provisioned?.status !== "active" || !provisioned.acronis_tenant_id || !provisioned.account_number || provisioned.account_number === "PENDING" || provisioned.provisioning_error) {
    throw new Error(`after Retry the admin API shows the sub-account as ${JSON.stringify(provisioned ?? null)}`)
  }
  if (!(await page.locator("table tbody tr", { hasText: "Fabrikam Marine Ltd" }).getByText(provisioned.account_number).count())) {
    throw new Error(`the reseller's page does not show the account number ${provisioned.account_number}`)
  }
  const state = await sandbox("GET", "/state")
  const partner = state.tenants.find((t) => t.id === afterRetry.acronis_tenant_id && !t.deleted_at)
  const tenant = state.tenants.find((t) => t.id === provisioned.acronis_tenant_id && !t.deleted_at)
  if (partner?.kind !== "partner" || partner.name !== resellerName || partner.parent_id !== state.root_tenant_id) {
    throw new Error(`the sandbox has no partner tenant "${resellerName}" under the root: ${JSON.stringify(partner ?? null)}`)
  }
  if (tenant?.kind !== "customer" || tenant.name !== provisioned.name || tenant.parent_id !== partner.id) {
    throw new Error(`the sandbox has no customer tenant "${provisioned.name}" under the partner tenant ${partner.id}: ${JSON.stringify(tenant ?? null)}`)
  }
  const twins = state.tenants.filter((t) => t.parent_id === partner.id && !t.deleted_at)
  if (twins.length !== 2) throw new Error(`the partner tenant has ${twins.length} customer tenants, not the 2 sub-accounts'`)
  log(`resellers: Retry on the reseller's page made "${provisioned.name}" active, account ${provisioned.account_number}, sandbox tenant under partner "${partner.name}"`)

  // Its users, from a CSV file chosen in the users drawer: previewed first, then imported.
  const people = [
    { email: `ann.archer-${stamp}@fabrikam-marine.example`, first_name: "Ann", last_name: "Archer", language: "en", time_zone: "Europe/London" },
    { email: `bo.berg-${stamp}@fabrikam-marine.example`, first_name: "Bo", last_name: "Berg", language: "de", time_zone: "Europe/Berlin" },
    { email: `chloe.chen-${stamp}@fabrikam-marine.example`, first_name: "Chloé", last_name: "Chen", language: "fr", time_zone: "Europe/Paris" },
  ]
  const dir = mkdtempSync(join(tmpdir(), "acronis-users-"))
  const file = join(dir, "fabrikam-users.csv")
  writeFileSync(file, ["email,first_name,last_name,language,time_zone", ...people.map((p) => Object.values(p).join(","))].join("\n") + "\n")
  try {
    await dismissToasts()
    // The drawer scrolls inside itself, so a full-page picture is the window: tall enough for the preview.
    await page.setViewportSize({ width: 1440, height: 1500 })
    const drawerRow = page.locator("table tbody tr", { hasText: "Fabrikam Marine Ltd" })
    await drawerRow.getByRole("button", { name: "Users (0)" }).click()
    const drawer = page.getByRole("dialog")
    await drawer.getByText("Users of Fabrikam Marine Ltd").waitFor()
    await drawer.getByText(`Account ${provisioned.account_number}`).waitFor()
    await drawer.getByLabel("CSV file").setInputFiles(file)
    await drawer.getByRole("button", { name: "Preview", exact: true }).click()
    await drawer.getByText(`All ${people.length} rows are valid`).waitFor()
    for (const p of people) await drawer.getByText(`${p.first_name} ${p.last_name} · ${p.email}`).waitFor()
    await settled()
    await snap("24-users-import-preview")
    await drawer.getByRole("button", { name: `Import ${people.length} users` }).click()
    await see(`${people.length} users imported`)
    for (const p of people) await drawer.getByRole("cell", { name: p.email, exact: true }).waitFor()
    if (await drawer.getByLabel("CSV file").inputValue()) throw new Error("after the import the drawer still holds the imported file")
    await settled()
    await snap("25-users-imported")
    await page.keyboard.press("Escape")
    await drawer.waitFor({ state: "hidden" })
  } finally {
    await page.setViewportSize({ width: 1440, height: 1000 })
    rmSync(dir, { recursive: true, force: true })
  }

  const { reseller: afterImport } = await api("GET", `/admin/acronis/resellers/${reseller.id}`)
  const users = afterImport.sub_accounts.find((s) => s.id === second.id)?.users ?? []
  const after = await sandbox("GET", "/state")
  const { items: emails } = await sandbox("GET", "/emails")
  for (const p of people) {
    const user = users.find((u) => u.email === p.email)
    if (!user || user.first_name !== p.first_name || user.language !== p.language || user.time_zone !== p.time_zone) {
      throw new Error(`the admin API has no user ${p.email} (${p.language}, ${p.time_zone}) in the sub-account: ${JSON.stringify(user ?? null)}`)
    }
    const acronisUser = after.users.find((u) => u.tenant_id === tenant.id && !u.deleted_at && u.contact?.email === p.email)
    const admin = acronisUser?.access_policies?.some((policy) => policy.tenant_id === tenant.id && policy.role_id === "company_admin")
    if (!acronisUser || acronisUser.contact.firstname !== p.first_name || acronisUser.language !== p.language || !admin) {
      throw new Error(`the sandbox has no company administrator ${p.first_name} with e-mail ${p.email} (${p.language}) in tenant ${tenant.id}: ${JSON.stringify(acronisUser ?? null)}`)
    }
    if (!emails.some((e) => e.user_id === acronisUser.id && e.kind === "activation")) throw new Error(`Acronis sent ${p.email} no activation e-mail`)
  }
  const logins = after.users.filter((u) => u.tenant_id === tenant.id && !u.deleted_at).map((u) => u.login)
  log(`resellers: ${people.length} users imported from a CSV file into "${provisioned.name}", Acronis company administrators invited: ${logins.join(", ")}`)
  return { reseller: afterImport, subAccount: provisioned, users }
}

/** The sandbox's control API; answers parsed, null for 204. */
function sandboxClient(sandboxUrl) {
  return async (method, path, body) => {
    const response = await fetch(`${sandboxUrl}/__sandbox${path}`, {
      method,
      headers: body ? { "content-type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${text}`)
    return text ? JSON.parse(text) : null
  }
}

/**
 * The store as a storefront reaches it: a publishable key (made by staff and linked to the default sales
 * channel), customers who sign up and log in, and a reseller's sub-account calls.
 */
async function storeClient(base, api, stamp) {
  const { api_key: key } = await api("POST", "/admin/api-keys", { title: `Reseller walk ${stamp}`, type: "publishable" })
  const { stores } = await api("GET", "/admin/stores")
  let channelId = stores[0]?.default_sales_channel_id
  if (!channelId) ({ sales_channel: { id: channelId } } = await api("POST", "/admin/sales-channels", { name: `Reseller walk ${stamp}` }))
  await api("POST", `/admin/api-keys/${key.id}/sales-channels`, { add: [channelId] })

  const call = async (method, path, { body, token } = {}) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        "x-publishable-api-key": key.token,
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body && { "content-type": "application/json" }),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const payload = await response.json().catch(() => ({}))
    if (!response.ok) throw new Error(`store ${method} ${path} answered ${response.status}: ${JSON.stringify(payload)}`)
    return payload
  }

  return {
    async signUp({ email, first_name, last_name }) {
      const { token: registration } = await call("POST", "/auth/customer/emailpass/register", { body: { email, password: PASSWORD } })
      const { customer } = await call("POST", "/store/customers", { body: { email, first_name, last_name }, token: registration })
      const { token } = await call("POST", "/auth/customer/emailpass", { body: { email, password: PASSWORD } })
      return {
        customer,
        createSubAccount: async (body) => (await call("POST", "/store/acronis/sub-accounts", { body, token })).sub_account,
        /** Polls the store's view of a sub-account until `done(it)`; `what` names the wait in the error. */
        async waitForSubAccount(id, done, what) {
          const deadline = Date.now() + 60_000
          for (;;) {
            const { sub_account: subAccount } = await call("GET", `/store/acronis/sub-accounts/${id}`, { token })
            if (done(subAccount)) return subAccount
            if (Date.now() > deadline) throw new Error(`sub-account "${subAccount.name}" never reached ${what}: ${subAccount.status}, ${subAccount.provisioning_error}`)
            await sleep(300)
          }
        },
      }
    },
  }
}
