/**
 * Exact arithmetic for billing: quantities and prices as fractions of integers (BigInt), rounded once, to the
 * currency's minor unit, when a line's amount is known. Bytes exceed 2^53 and GiB or hour quantities are
 * fractions, so floats would drift; BigInt fractions never do.
 */
export type Ratio = { n: bigint; d: bigint }

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a
  b = b < 0n ? -b : b
  while (b) [a, b] = [b, a % b]
  return a || 1n
}

export function ratio(n: bigint | number | string, d: bigint | number | string = 1n): Ratio {
  let num = BigInt(n)
  let den = BigInt(d)
  if (den === 0n) throw new RangeError("division by zero")
  if (den < 0n) [num, den] = [-num, -den]
  const g = gcd(num, den)
  return { n: num / g, d: den / g }
}

export const ZERO: Ratio = { n: 0n, d: 1n }

/** A decimal as written (`"0.045"`, `12`, `1.5e-3`): exact, never through a float. */
export function fromDecimal(value: number | string): Ratio {
  const text = typeof value === "number" ? value.toString() : value.trim()
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text)
  if (!match || (!match[2] && !match[3])) throw new RangeError(`not a decimal number: ${text}`)
  const [, sign, whole, fraction = "", exponent = "0"] = match
  const digits = BigInt(`${sign}${whole || "0"}${fraction}`)
  const scale = fraction.length - Number(exponent)
  return scale >= 0 ? ratio(digits, 10n ** BigInt(scale)) : ratio(digits * 10n ** BigInt(-scale))
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d + b.n * a.d, a.d * b.d)
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d - b.n * a.d, a.d * b.d)
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.n, a.d * b.d)
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.n * b.d, a.d * b.n)
export const cmp = (a: Ratio, b: Ratio): number => {
  const diff = a.n * b.d - b.n * a.d
  return diff === 0n ? 0 : diff > 0n ? 1 : -1
}
export const max = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) >= 0 ? a : b)

/** Rounds half away from zero to `digits` decimals; the result is an integer count of 10^-digits. */
export function roundToUnits(value: Ratio, digits: number): bigint {
  const scaled = value.n * 10n ** BigInt(digits)
  const q = scaled / value.d
  const r = scaled % value.d
  const twice = (r < 0n ? -r : r) * 2n
  if (twice >= value.d) return scaled < 0n ? q - 1n : q + 1n
  return q
}

/** `1234n, 2` → `"12.34"`. */
export function formatUnits(units: bigint, digits: number): string {
  const negative = units < 0n
  const text = (negative ? -units : units).toString().padStart(digits + 1, "0")
  const body = digits ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text
  return negative ? `-${body}` : body
}

/** A decimal string rounded to at most `digits` decimals, trailing zeros dropped (for quantities). */
export function toDecimalString(value: Ratio, digits = 6): string {
  const text = formatUnits(roundToUnits(value, digits), digits)
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text
}

/** Minor-unit digits of a currency (usd 2, jpy 0), as Intl knows them. */
export function currencyDigits(currencyCode: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}
