import Medusa from "@medusajs/js-sdk"
import type { StoreConfig } from "./config"

/**
 * The storefront's sdk. In the browser the customer's token stays in localStorage; on the server (catalogue
 * pages) there is no customer, only the publishable key.
 */
export function createSdk({ backendUrl, publishableKey }: StoreConfig): Medusa {
  return new Medusa({
    baseUrl: backendUrl,
    publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: typeof window === "undefined" ? "nostore" : "local" },
  })
}
