"use client"

import { AcronisAccountOverview } from "medusa-plugin-acronis/storefront/react"
import { useRouter } from "next/navigation"
import { AppLink } from "@/components/app-link"
import { RequireCustomer } from "@/components/require-customer"
import { useStore } from "@/lib/store-context"

export default function AccountPage() {
  const { signOut } = useStore()
  const router = useRouter()
  return (
    <RequireCustomer>
      {(customer) => (
        <AcronisAccountOverview
          customer={customer}
          onSignOut={async () => {
            await signOut()
            router.push("/")
          }}
          subscriptionHref={(id) => `/account/subscriptions/${id}`}
          resellerHref="/account/reseller"
          Link={AppLink}
        />
      )}
    </RequireCustomer>
  )
}
