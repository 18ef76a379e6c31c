/** Contacts on tenants and users: the spec's contactPut fields merged into a full contact object. */
import { malformed } from "./errors"
import type { Contact } from "./state"
import { requireObject } from "./validation"

const STRING_FIELDS = [
  "email", "address1", "address2", "country", "state", "city", "zipcode", "phone", "firstname", "lastname",
  "title", "website", "industry", "organization_size", "aan", "fax", "language",
] as const
const CONTACT_FIELDS = [...STRING_FIELDS, "types", "email_confirmed", "tenant_id", "user_id"]
const CONTACT_TYPES = ["legal", "primary", "billing", "technical", "management", "company_billing"]

/** Returns a new contact with the given fields applied; unknown fields are rejected like the API does. */
export function mergeContact(existing: Contact, input: unknown, now: string): Contact {
  const patch = requireObject(input, "contact")
  const unknown = Object.keys(patch).filter((key) => !CONTACT_FIELDS.includes(key))
  if (unknown.length) throw malformed(`Unknown field(s) in contact: ${unknown.join(", ")}.`)
  const next: Contact = { ...existing, updated_at: now }
  for (const field of STRING_FIELDS) {
    const value = patch[field]
    if (value === undefined) continue
    if (value !== null && typeof value !== "string") throw malformed(`contact.${field} must be a string.`)
    if (field === "email") next.email = (value as string | null) ?? ""
    else next[field] = value
  }
  if (typeof next.email === "string" && next.email !== "" && !/\S+@\S+/.test(next.email)) {
    throw malformed("contact.email is not a valid e-mail address.")
  }
  if (patch.types !== undefined) {
    if (!Array.isArray(patch.types) || patch.types.some((t) => !CONTACT_TYPES.includes(t as string))) {
      throw malformed(`contact.types must be a list of: ${CONTACT_TYPES.join(", ")}.`)
    }
    next.types = [...new Set(patch.types as string[])]
  }
  if (patch.email_confirmed !== undefined) next.email_confirmed = Boolean(patch.email_confirmed)
  return next
}
