"use client"

import { AcronisResellerArea } from "medusa-plugin-acronis/storefront/react"
import { AppLink } from "@/components/app-link"
import { RequireCustomer } from "@/components/require-customer"

export default function ResellerPage() {
  return (
    <RequireCustomer>
      {() => <AcronisResellerArea subAccountHref={(id) => `/account/reseller/sub-accounts/${id}`} backHref="/account" Link={AppLink} />}
    </RequireCustomer>
  )
}
