"use client"

import { AcronisSubscriptionDetail } from "medusa-plugin-acronis/storefront/react"
import { AppLink } from "@/components/app-link"
import { RequireCustomer } from "@/components/require-customer"

export default function SubscriptionPage({ params }: { params: { id: string } }) {
  return <RequireCustomer>{() => <AcronisSubscriptionDetail subscriptionId={params.id} backHref="/account" Link={AppLink} />}</RequireCustomer>
}
