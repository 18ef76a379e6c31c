// The browser journeys of `npm run test:storefront`, in the order they run. Each gets the harness's `ctx`
// (see scripts/test-storefront.mjs) and throws on the first check that fails.
import * as reseller from "./reseller.mjs"

/** @type {{ group: string, title: string, run: (ctx: any) => Promise<void> }[]} */
export const journeys = [
  {
    group: "shopper",
    title: "the catalogue shows Acronis and plain products",
    async run(ctx) {
      const page = await ctx.newPage()
      await page.goto(ctx.storefrontUrl)
      await page.getByRole("heading", { name: "Store" }).waitFor()
      await page.getByText("Acronis Cyber Protect Cloud").first().waitFor()
      await ctx.snap(page, "catalogue")
      await page.context().close()
    },
  },
  {
    group: "reseller",
    title: "a reseller's account, sub-accounts with similar ones reviewed, users from a CSV file, an order for a sub-account",
    async run(ctx) {
      const page = await ctx.newPage()
      const email = `rita-${Date.now()}@reseller.example`
      const customer = await reseller.signedInCustomer(ctx, page, { email })
      await reseller.staffOrderPayPerUse(ctx, customer.id)
      await reseller.makeReseller(ctx, email)
      await reseller.accountPages(ctx, page)
      const details = { email: "it@contoso.example", phone: "+1 555 0100", address_1: "1 Main Street", city: "Springfield", postal_code: "10001", country_code: "US" }
      await reseller.createSubAccount(ctx, page, { name: "Contoso Ltd", ...details })
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
      await page.context().close()
    },
  },
]
