// The browser journeys of `npm run test:storefront`, in the order they run. Each gets the harness's `ctx`
// (see scripts/test-storefront.mjs) and throws on the first check that fails.
import * as reseller from "./reseller.mjs"
import { addToCart, badChoicesMakeNoOrder, browseCatalogue, buyPayPerUse, checkout, chooseRegion, registerShopper } from "./shopper.mjs"

const unique = (prefix) => `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

function expect(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * A reseller signs up, is made a reseller by staff, buys a CSP contract through checkout, creates a sub-account
 * (and a second one, reviewing the first as similar), imports the first one's users from a CSV file, orders pay
 * per use for it through checkout, and sees that service's usage on the account pages. Each step is checked in
 * the admin API and the sandbox: the sub-account's service runs on the sub-account's own tenant.
 */
async function resellerJourney(ctx) {
  const page = await ctx.newPage()
  const rita = await registerShopper(ctx, page, { first_name: "Rita", last_name: "Reseller" })
  const made = await reseller.makeReseller(ctx, rita.email, "Rita's IT")
  await chooseRegion(ctx, page)

  await addToCart(ctx, page, { handle: "acronis-csp-contract-tier-1" })
  // A contract's login is an e-mail address: the reseller's own.
  const contractOrder = await checkout(ctx, page, {
    login: rita.email,
    email: rita.email,
    address: { first_name: "Rita", last_name: "Reseller", address_1: "5 Market Street", postal_code: "94105", city: "San Francisco", country: "us" },
    snap: "contract-checkout",
  })
  await page.getByRole("link", { name: "Manage your service" }).waitFor({ timeout: 90_000 })
  await ctx.snap(page, "contract-confirmation-active")
  const { subscriptions: contract } = await ctx.admin("GET", `/admin/acronis/subscriptions?order_id=${contractOrder}`)
  expect(contract.length === 1 && contract[0].type === "contract" && contract[0].status === "active", `the contract order has ${JSON.stringify(contract.map((s) => [s.type, s.status]))}`)

  const details = { email: "it@contoso.example", phone: "+1 555 0100", address_1: "1 Main Street", city: "Springfield", postal_code: "10001", country_code: "US" }
  const contoso = await reseller.createSubAccount(ctx, page, { name: "Contoso Ltd", ...details })
  // Same address and e-mail domain: the form shows Contoso Ltd as similar before creating it.
  await reseller.createSubAccount(ctx, page, { ...details, name: "Contoso, Inc.", email: "admin@contoso.example", phone: "" })
  const stamp = Date.now()
  await reseller.importUsers(
    ctx,
    page,
    "Contoso Ltd",
    `email,first_name,last_name,language,time_zone\nann.${stamp}@contoso.example,Ann,Archer,en,Europe/Berlin\nbob.${stamp}@contoso.example,Bob,Baker,de,UTC\n`
  )

  await reseller.orderForSubAccount(ctx, page, "Contoso Ltd")
  await addToCart(ctx, page, {
    handle: "acronis-cyber-protect-cloud",
    settings: { protection_licensing_model: "per_gigabyte", file_sync_share_licensing_model: "per_user" },
  })
  await page.goto(`${ctx.storefrontUrl}/cart`)
  await page.getByTestId("acronis-ordering-for").getByText("Contoso Ltd").waitFor()
  await ctx.snap(page, "sub-account-cart")
  const ppuOrder = await checkout(ctx, page, { login: unique("contoso"), email: "it@contoso.example", snap: "sub-account-checkout" })
  await page.getByRole("link", { name: "Manage your service" }).waitFor({ timeout: 90_000 })
  await ctx.snap(page, "sub-account-confirmation-active")
  const { subscriptions: ppu } = await ctx.admin("GET", `/admin/acronis/subscriptions?order_id=${ppuOrder}`)
  expect(ppu.length === 1 && ppu[0].status === "active", `the sub-account's order has ${ppu.length} subscriptions (${ppu.map((s) => s.status)})`)
  expect(ppu[0].tenant_id === contoso.account_number, `the sub-account's service runs on tenant ${ppu[0].tenant_id}, not Contoso's ${contoso.account_number}`)
  const { subscriptions: byReseller } = await ctx.admin("GET", `/admin/acronis/subscriptions?reseller_id=${made.reseller_id}`)
  expect(byReseller.some((s) => s.id === ppu[0].id), "staff do not see the sub-account's service under the reseller")
  ctx.log(`pay per use for Contoso Ltd: order ${ppuOrder} active on its tenant ${contoso.account_number}`)

  await reseller.accountPages(ctx, page)
  await page.context().close()
}

/** @type {{ group: string, title: string, run: (ctx: any) => Promise<void> }[]} */
export const journeys = [
  { group: "shopper", title: "the catalogue shows Acronis and plain products, priced in the chosen region", run: browseCatalogue },
  { group: "shopper", title: "a new shopper buys pay per use and sees the service come up", run: buyPayPerUse },
  // After buyPayPerUse: its login is the taken one.
  { group: "shopper", title: "bad choices show at their field and make no order", run: badChoicesMakeNoOrder },
  {
    group: "reseller",
    title: "a reseller buys a contract, creates a sub-account, imports its users from CSV and orders pay per use for it",
    run: resellerJourney,
  },
]
