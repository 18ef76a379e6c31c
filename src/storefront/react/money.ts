/**
 * An amount in major units (as Medusa keeps prices, and the billing routes send decimal strings), e.g.
 * "$90.00", "¥13,500". `unitPrice` allows up to 4 decimals, as a per-gigabyte price may have them; totals keep
 * the currency's own. A missing or unreadable amount gives "—" rather than a false zero. The locale is fixed
 * ("en" unless given) so the server's and the browser's renders agree.
 */
export function formatAmount(
  amount: number | string | null | undefined,
  currencyCode: string | null | undefined,
  { unitPrice = false, locale = "en" }: { unitPrice?: boolean; locale?: string } = {}
): string {
  const value = typeof amount === "string" ? (amount.trim() === "" ? NaN : Number(amount)) : amount
  if (value === null || value === undefined || !Number.isFinite(value)) return "—"
  if (!currencyCode) return value.toFixed(2)
  const currency = currencyCode.toUpperCase()
  const digits = new Intl.NumberFormat(locale, { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  return new Intl.NumberFormat(locale, { style: "currency", currency, ...(unitPrice && { maximumFractionDigits: Math.max(digits, 4) }) }).format(value)
}
