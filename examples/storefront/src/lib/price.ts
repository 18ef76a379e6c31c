import type { HttpTypes } from "@medusajs/types"
import type { AcronisListedOffer, AcronisOffer } from "medusa-plugin-acronis/storefront"
import { formatAmount } from "medusa-plugin-acronis/storefront/react"

type PackageOption = { seat_prices?: Record<string, number> }

/** The variant's price in the region (Medusa's `calculated_price`), or null when it has none there. */
export function variantPrice(variant: HttpTypes.StoreProductVariant | undefined) {
  const price = variant?.calculated_price
  return price?.calculated_amount != null && price.currency_code ? { amount: price.calculated_amount, currency: price.currency_code } : null
}

/**
 * What a product costs, in words a shopper reads on a card: a plain product's price; for Acronis, what the
 * bill is made of (usage, a commitment, seats), since its variant's price alone says nothing.
 */
export function priceLine(variant: HttpTypes.StoreProductVariant | undefined, offer: AcronisOffer | AcronisListedOffer | undefined, currency: string) {
  const price = variantPrice(variant)
  if (!offer) {
    return price ? formatAmount(price.amount, price.currency) : `Not sold in ${currency.toUpperCase()}`
  }
  if (offer.type === "ppu") {
    return "Billed monthly for what you use"
  }
  if (offer.type === "contract") {
    const minimum = offer.contract?.minimum_monthly_commitment[currency]
    return typeof minimum === "number" && minimum > 0 ? `Commitment ${formatAmount(minimum, currency)} a month` : "No minimum commitment"
  }
  const seats = ((offer.plan?.fields.package as { options?: PackageOption[] } | undefined)?.options ?? [])
    .map((pkg) => pkg.seat_prices?.[currency])
    .filter((amount): amount is number => typeof amount === "number")
  if (price && price.amount > 0) {
    return `${formatAmount(price.amount, price.currency)} a month`
  }
  return seats.length ? `From ${formatAmount(Math.min(...seats), currency)} per user a month` : `Not sold in ${currency.toUpperCase()}`
}

/**
 * A line's amount in a cart or an order: pay per use and post-paid plans cost nothing up front, so their
 * line says how they are billed instead of a zero.
 */
export function lineAmount(offer: Pick<AcronisOffer, "type"> | undefined, amount: number | undefined, currency: string) {
  if (offer?.type === "ppu") return "Billed by usage"
  if (offer?.type === "plan" && !amount) return "Billed per user"
  return formatAmount(amount, currency)
}
