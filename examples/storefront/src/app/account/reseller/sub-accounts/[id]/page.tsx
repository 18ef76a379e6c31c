"use client"

import { AcronisSubAccountDetail, useAcronis } from "medusa-plugin-acronis/storefront/react"
import { useRouter } from "next/navigation"
import { AppLink } from "@/components/app-link"
import { RequireCustomer } from "@/components/require-customer"
import { useStore } from "@/lib/store-context"

/** The pay-per-use product a reseller orders for a sub-account. */
const PPU_PRODUCT = "/products/acronis-cyber-protect-cloud"

export default function SubAccountPage({ params }: { params: { id: string } }) {
  const { acronis } = useAcronis()
  const { ensureCart, refreshCart } = useStore()
  const router = useRouter()
  return (
    <RequireCustomer>
      {() => (
        <AcronisSubAccountDetail
          subAccountId={params.id}
          backHref="/account/reseller"
          Link={AppLink}
          onOrderFor={async (subAccount) => {
            const cart = await ensureCart()
            await acronis.cart.setSubAccount(cart.id, subAccount.id)
            await refreshCart()
            router.push(PPU_PRODUCT)
          }}
        />
      )}
    </RequireCustomer>
  )
}
