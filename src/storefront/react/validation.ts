/** Whether a typed value has the shape of an e-mail address; the server decides the rest. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
}
