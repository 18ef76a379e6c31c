// The browser journeys of `npm run test:storefront`, in the order they run. Each gets the harness's `ctx`
// (see scripts/test-storefront.mjs) and throws on the first check that fails.
import { badChoicesMakeNoOrder, browseCatalogue, buyPayPerUse } from "./shopper.mjs"

/** @type {{ group: string, title: string, run: (ctx: any) => Promise<void> }[]} */
export const journeys = [
  { group: "shopper", title: "the catalogue shows Acronis and plain products, priced in the chosen region", run: browseCatalogue },
  { group: "shopper", title: "a new shopper buys pay per use and sees the service come up", run: buyPayPerUse },
  // After buyPayPerUse: its login is the taken one.
  { group: "shopper", title: "bad choices show at their field and make no order", run: badChoicesMakeNoOrder },
]
