import { ProductDetail } from "@/components/product/product-detail"

export default function ProductPage({ params }: { params: { handle: string } }) {
  return <ProductDetail handle={decodeURIComponent(params.handle)} />
}
