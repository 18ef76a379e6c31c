"use client"

import type Medusa from "@medusajs/js-sdk"
import { createContext, useContext, useMemo, type ReactNode } from "react"
import { createAcronisStorefront, type AcronisStorefront } from "../index"

type AcronisContextValue = { sdk: Medusa; acronis: AcronisStorefront }

const AcronisContext = createContext<AcronisContextValue | null>(null)

/**
 * Gives the components below it the storefront's own `@medusajs/js-sdk` instance (its publishable key and the
 * customer's session) and the plugin's client on top of it. Put it once in the app's root layout.
 */
export function AcronisStorefrontProvider({ sdk, children }: { sdk: Medusa; children: ReactNode }) {
  const value = useMemo(() => ({ sdk, acronis: createAcronisStorefront(sdk) }), [sdk])
  return <AcronisContext.Provider value={value}>{children}</AcronisContext.Provider>
}

/** The plugin's client and the sdk it runs on; throws outside `AcronisStorefrontProvider`. */
export function useAcronis(): AcronisContextValue {
  const value = useContext(AcronisContext)
  if (!value) throw new Error("useAcronis must be used inside <AcronisStorefrontProvider>")
  return value
}
