import type { Metadata } from "next"
import { OrderConfirmed } from "@/components/order/order-confirmed"

export const metadata: Metadata = { title: "Order confirmed" }

export default function OrderConfirmedPage({ params }: { params: { id: string } }) {
  return <OrderConfirmed orderId={params.id} />
}
