import type { HttpTypes } from "@medusajs/types"
import { Text } from "@medusajs/ui"
import { formatAmount } from "medusa-plugin-acronis/storefront/react"

/** Subtotal, delivery, taxes and total of a cart, as Medusa computed them. */
export function CartTotals({ cart, billedByUsage }: { cart: HttpTypes.StoreCart; billedByUsage?: boolean }) {
  const rows: [string, number | undefined][] = [
    ["Subtotal", cart.item_subtotal ?? cart.subtotal],
    ...(cart.shipping_methods?.length ? [["Delivery", cart.shipping_total] as [string, number | undefined]] : []),
    ["Taxes", cart.tax_total],
  ]
  return (
    <dl className="flex flex-col gap-y-2">
      {rows.map(([label, amount]) => (
        <div key={label} className="flex justify-between">
          <dt>
            <Text size="small" className="text-ui-fg-subtle">
              {label}
            </Text>
          </dt>
          <dd>
            <Text size="small">{formatAmount(amount, cart.currency_code)}</Text>
          </dd>
        </div>
      ))}
      <div className="border-ui-border-base flex justify-between border-t pt-2">
        <dt>
          <Text weight="plus">Total</Text>
        </dt>
        <dd>
          <Text weight="plus" data-testid="cart-total">
            {formatAmount(cart.total, cart.currency_code)}
          </Text>
        </dd>
      </div>
      {billedByUsage && (
        <Text size="xsmall" className="text-ui-fg-muted">
          Pay-per-use services are billed each month for what you use; their first bill comes after the first month.
        </Text>
      )}
    </dl>
  )
}
