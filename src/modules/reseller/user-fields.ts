/**
 * What a sub-account user's fields must look like, shared by the one-by-one form (zod) and the CSV import,
 * so both refuse the same things with the same words. No Medusa imports: unit-testable as is.
 */

/** ISO 639-1 (all 183 two-letter codes). */
export const ISO_639_1_CODES: ReadonlySet<string> = new Set(
  (
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el " +
    "en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it " +
    "iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt " +
    "my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl " +
    "sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo " +
    "za zh zu"
  ).split(" ")
)

let timeZones: ReadonlySet<string> | undefined

/** IANA zones the runtime knows (`Intl.supportedValuesOf`), plus "UTC", which it lists only as an alias. */
export function supportedTimeZones(): ReadonlySet<string> {
  // `Intl.supportedValuesOf` is ES2022; the project's lib is ES2021 while Node 20 has it.
  const intl = Intl as unknown as { supportedValuesOf(key: "timeZone"): string[] }
  timeZones ??= new Set([...intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"])
  return timeZones
}

export const USER_FIELDS = ["email", "first_name", "last_name", "language", "time_zone"] as const
export type UserField = (typeof USER_FIELDS)[number]

export type SubAccountUserInput = {
  email: string
  first_name: string
  last_name: string
  language: string
  time_zone: string
}

export type UserFieldError = { field: UserField; reason: string }

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const NAME_MAX = 100

/** Trims and lower-cases what should be; the result is what gets stored and sent to Acronis. */
export function normalizeUserInput(raw: Record<UserField, string | undefined>): SubAccountUserInput {
  return {
    email: (raw.email ?? "").trim().toLowerCase(),
    first_name: (raw.first_name ?? "").trim(),
    last_name: (raw.last_name ?? "").trim(),
    language: (raw.language ?? "").trim().toLowerCase(),
    time_zone: (raw.time_zone ?? "").trim(),
  }
}

export function languageError(language: string): string | null {
  if (!language) return "is required"
  return ISO_639_1_CODES.has(language) ? null : `"${language}" is not an ISO 639-1 language code (e.g. "en", "de")`
}

export function timeZoneError(timeZone: string): string | null {
  if (!timeZone) return "is required"
  return supportedTimeZones().has(timeZone) ? null : `"${timeZone}" is not an IANA time zone (e.g. "Europe/Berlin", "UTC")`
}

export function emailError(email: string): string | null {
  if (!email) return "is required"
  // Acronis logins allow a narrower set than RFC 5322; the login is the e-mail address.
  if (!EMAIL_RE.test(email) || !/^[A-Za-z0-9.@_\-+:!#$%^*={}'`/?]+$/.test(email)) return `"${email}" is not a valid e-mail address`
  return null
}

function nameError(name: string): string | null {
  if (!name) return "is required"
  return name.length > NAME_MAX ? `is longer than ${NAME_MAX} characters` : null
}

/** Every problem with one user, in field order; empty when the user is fine. */
export function userFieldErrors(user: SubAccountUserInput): UserFieldError[] {
  const checks: [UserField, string | null][] = [
    ["email", emailError(user.email)],
    ["first_name", nameError(user.first_name)],
    ["last_name", nameError(user.last_name)],
    ["language", languageError(user.language)],
    ["time_zone", timeZoneError(user.time_zone)],
  ]
  return checks.filter((check): check is [UserField, string] => check[1] !== null).map(([field, reason]) => ({ field, reason }))
}
