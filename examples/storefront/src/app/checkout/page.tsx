import type { Metadata } from "next"
import { Suspense } from "react"
import { Checkout } from "@/components/checkout/checkout"

export const metadata: Metadata = { title: "Checkout" }

export default function CheckoutPage() {
  return (
    <Suspense>
      <Checkout />
    </Suspense>
  )
}
