import { unstable_noStore } from "next/cache"

export type StoreConfig = { backendUrl: string; publishableKey: string }

/**
 * Where the Medusa backend is and the storefront's publishable key, read when a page renders (not baked in
 * at build time), so one build serves any backend.
 */
export function storeConfig(): StoreConfig {
  unstable_noStore()
  return {
    backendUrl: process.env.MEDUSA_BACKEND_URL || "http://localhost:9000",
    publishableKey: process.env.MEDUSA_PUBLISHABLE_KEY || "",
  }
}
