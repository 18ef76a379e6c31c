"use client"

import { AcronisStorefrontProvider } from "medusa-plugin-acronis/storefront/react"
import { useMemo, type ReactNode } from "react"
import type { StoreConfig } from "@/lib/config"
import { createSdk } from "@/lib/sdk"
import { StoreProvider } from "@/lib/store-context"

export function Providers({ config, children }: { config: StoreConfig; children: ReactNode }) {
  const sdk = useMemo(() => createSdk(config), [config.backendUrl, config.publishableKey])
  return (
    <AcronisStorefrontProvider sdk={sdk}>
      <StoreProvider>{children}</StoreProvider>
    </AcronisStorefrontProvider>
  )
}
