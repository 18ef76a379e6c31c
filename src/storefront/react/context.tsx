"use client"

import type Medusa from "@medusajs/js-sdk"
import { createContext, useContext, useMemo, type ReactNode } from "react"
import { createAcronisStorefront, type AcronisStorefront, type AcronisStorefrontOptions } from "../index"

type AcronisContextValue = { sdk: Medusa; acronis: AcronisStorefront }

const AcronisContext = createContext<AcronisContextValue | null>(null)

/**
 * Gives the components below it the storefront's own `@medusajs/js-sdk` instance (its publishable key and the
 * customer's session) and the plugin's client on top of it. Put it once in the app's root layout. `headers`
 * go with every call of the plugin's client: pass the customer's `authorization` from the server when the
 * browser's sdk holds no session (a storefront that keeps the token in an httpOnly cookie).
 */
export function AcronisStorefrontProvider({
  sdk,
  headers,
  children,
}: {
  sdk: Medusa
  headers?: AcronisStorefrontOptions["headers"]
  children: ReactNode
}) {
  const headersKey = JSON.stringify(headers ?? {})
  const value = useMemo(() => ({ sdk, acronis: createAcronisStorefront(sdk, { headers }) }), [sdk, headersKey])
  return <AcronisContext.Provider value={value}>{children}</AcronisContext.Provider>
}

/** The plugin's client and the sdk it runs on; throws outside `AcronisStorefrontProvider`. */
export function useAcronis(): AcronisContextValue {
  const value = useContext(AcronisContext)
  if (!value) throw new Error("useAcronis must be used inside <AcronisStorefrontProvider>")
  return value
}
