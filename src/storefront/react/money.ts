/**
 * An amount in major units (as Medusa keeps prices) in the shopper's locale, e.g. "$90.00", "¥13,500".
 * `null` or an unknown amount gives "—" rather than a false zero.
 */
export function formatAmount(amount: number | string | null | undefined, currencyCode: string, locale?: string): string {
  const value = typeof amount === "string" ? Number(amount) : amount
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return "—"
  }
  return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(value)
}
