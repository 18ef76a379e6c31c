"use client"

import { Text } from "@medusajs/ui"
import type { HttpTypes } from "@medusajs/types"
import { usePathname, useRouter } from "next/navigation"
import { useEffect, type ReactNode } from "react"
import { useStore } from "@/lib/store-context"

/** The account pages are the signed-in customer's: a visitor is sent to sign in, and back here after. */
export function RequireCustomer({ children }: { children: (customer: HttpTypes.StoreCustomer) => ReactNode }) {
  const { customer } = useStore()
  const router = useRouter()
  const pathname = usePathname()
  useEffect(() => {
    if (customer === null) router.replace(`/account/sign-in?next=${encodeURIComponent(pathname)}`)
  }, [customer, pathname, router])
  if (!customer) return <Text className="text-ui-fg-muted">{customer === null ? "Taking you to sign in…" : "Loading your account…"}</Text>
  return <>{children(customer)}</>
}
