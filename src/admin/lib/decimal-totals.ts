/**
 * Sums exact decimal strings ("16.10", "0.05") per currency without floating point: each amount is scaled to
 * the most decimals seen, added as a bigint, and written back.
 */
export function totalsByCurrency(amounts: { currency_code: string; total: string }[]): { currency_code: string; total: string }[] {
  const scale = Math.max(0, ...amounts.map((a) => (a.total.split(".")[1] ?? "").length))
  const sums = new Map<string, bigint>()
  for (const { currency_code, total } of amounts) {
    const negative = total.startsWith("-")
    const [whole, fraction = ""] = total.replace(/^-/, "").split(".")
    const value = BigInt(whole + fraction.padEnd(scale, "0"))
    sums.set(currency_code, (sums.get(currency_code) ?? 0n) + (negative ? -value : value))
  }
  return [...sums.entries()].map(([currency_code, sum]) => {
    const negative = sum < 0n
    const digits = (negative ? -sum : sum).toString().padStart(scale + 1, "0")
    const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits
    return { currency_code, total: `${negative ? "-" : ""}${text}` }
  })
}

/** "16.10 USD". */
export const money = (amount: string, currency: string) => `${amount} ${currency.toUpperCase()}`
