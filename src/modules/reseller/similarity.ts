/**
 * The review before creating a sub-account: which of the reseller's sub-accounts look like the one being
 * entered, so the reseller can pick it instead of creating a duplicate (seed 003, "Review"). Three signals,
 * each enough on its own: a similar name, the same street address, the same company e-mail domain.
 */

export type SimilarityReason = "name" | "address" | "email_domain"

export type SubAccountLikeness = {
  name: string
  email?: string | null
  address_1?: string | null
  postal_code?: string | null
  country_code?: string | null
}

/** Words that say what kind of company it is, not which one. */
const LEGAL_FORMS = new Set([
  "inc", "incorporated", "llc", "ltd", "limited", "plc", "corp", "corporation", "co", "company", "gmbh", "ag", "kg",
  "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "pty", "pvt", "the", "and", "und",
])

/** Mailbox providers anyone can use: a shared domain there says nothing about being the same company. */
const PUBLIC_EMAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
  "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "proton.me", "protonmail.com",
  "mail.com", "yandex.com", "yandex.ru", "zoho.com", "t-online.de", "orange.fr", "free.fr", "laposte.net",
])

function nameTokens(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token && !LEGAL_FORMS.has(token))
}

/** Same words once legal forms, case, accents and punctuation are set aside, or most words shared. */
export function namesLookAlike(a: string, b: string): boolean {
  const left = nameTokens(a)
  const right = nameTokens(b)
  if (!left.length || !right.length) return false
  if (left.join("") === right.join("")) return true
  const shared = left.filter((token) => right.includes(token)).length
  return shared / Math.max(left.length, right.length) >= 0.6
}

/** "Hauptstraße 5", "Hauptstr. 5" and "hauptstrasse 5" give one key; so do "1 Main Street" and "1 main st.". */
function streetKey(address: string | null | undefined): string {
  // Suffixes are matched at the end of a word only (German compounds glue them on), the same way on both sides.
  return (address ?? "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/(strasse|street|str|st)\b\.?/g, "st")
    .replace(/(avenue|ave)\b\.?/g, "ave")
    .replace(/(road|rd)\b\.?/g, "rd")
    .replace(/[^a-z0-9]/g, "")
}

export function addressesLookAlike(a: SubAccountLikeness, b: SubAccountLikeness): boolean {
  const street = streetKey(a.address_1)
  if (!street || street !== streetKey(b.address_1)) return false
  const postal = (value?: string | null) => (value ?? "").replace(/\s+/g, "").toLowerCase()
  return postal(a.postal_code) === postal(b.postal_code) && (a.country_code ?? "").toLowerCase() === (b.country_code ?? "").toLowerCase()
}

export function companyEmailDomain(email: string | null | undefined): string | null {
  const domain = email?.split("@")[1]?.trim().toLowerCase()
  return domain && !PUBLIC_EMAIL_DOMAINS.has(domain) ? domain : null
}

/** Why `existing` looks like `candidate`; empty when it does not. */
export function similarityReasons(candidate: SubAccountLikeness, existing: SubAccountLikeness): SimilarityReason[] {
  const reasons: SimilarityReason[] = []
  if (namesLookAlike(candidate.name, existing.name)) reasons.push("name")
  if (addressesLookAlike(candidate, existing)) reasons.push("address")
  const domain = companyEmailDomain(candidate.email)
  if (domain && domain === companyEmailDomain(existing.email)) reasons.push("email_domain")
  return reasons
}
