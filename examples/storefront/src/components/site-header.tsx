"use client"

import { Badge } from "@medusajs/ui"
import Link from "next/link"
import { useStore } from "@/lib/store-context"
import { RegionSelect } from "./region-select"

export function SiteHeader() {
  const { customer, cart } = useStore()
  const count = cart?.items?.reduce((sum, item) => sum + item.quantity, 0) ?? 0
  return (
    <header className="bg-ui-bg-base border-ui-border-base border-b">
      <nav aria-label="Main" className="mx-auto flex min-h-16 max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-6 py-3">
        <Link href="/" className="txt-xlarge-plus text-ui-fg-base">
          Acronis Store
        </Link>
        <div className="txt-compact-medium-plus flex flex-wrap items-center gap-x-6 gap-y-2">
          <RegionSelect />
          <Link href="/" className="text-ui-fg-subtle hover:text-ui-fg-base">
            Store
          </Link>
          {customer ? (
            <Link href="/account" className="text-ui-fg-subtle hover:text-ui-fg-base">
              Account
            </Link>
          ) : (
            <Link href="/account/sign-in" className="text-ui-fg-subtle hover:text-ui-fg-base">
              Sign in
            </Link>
          )}
          <Link href="/cart" className="text-ui-fg-subtle hover:text-ui-fg-base flex items-center gap-x-2">
            Cart
            <Badge size="2xsmall" aria-label={`${count} items in the cart`}>
              {count}
            </Badge>
          </Link>
        </div>
      </nav>
    </header>
  )
}
