import { Heading, Text } from "@medusajs/ui"
import Link from "next/link"
import { storeConfig } from "@/lib/config"
import { createSdk } from "@/lib/sdk"

export default async function CataloguePage() {
  const sdk = createSdk(storeConfig())
  const { products } = await sdk.store.product.list({ limit: 50, fields: "id,title,handle,description,thumbnail" })
  return (
    <div className="flex flex-col gap-y-8">
      <Heading level="h1">Store</Heading>
      <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
        {products.map((product) => (
          <li key={product.id} className="bg-ui-bg-base shadow-elevation-card-rest rounded-lg p-6">
            <Link href={`/products/${product.handle}`} className="flex flex-col gap-y-2">
              <Text weight="plus">{product.title}</Text>
              <Text size="small" className="text-ui-fg-subtle line-clamp-3">
                {product.description}
              </Text>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
