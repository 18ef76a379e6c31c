import type { MedusaContainer } from "@medusajs/framework/types"
import { z } from "@medusajs/framework/zod"
import { ACRONIS_MODULE } from "../../modules/acronis"
import type AcronisModuleService from "../../modules/acronis/service"
import { ACRONIS_CHECKOUT_MODULE } from "../../modules/acronis-checkout"
import type AcronisCheckoutModuleService from "../../modules/acronis-checkout/service"

/** Pay per use and plans: a username (JohnDoe) or an e-mail; contracts: an e-mail (seeds 001, 002). */
export type LoginFormat = "username_or_email" | "email"

const USERNAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/
const isEmail = (value: string) => z.email().safeParse(value).success

/**
 * A reservation of a cart that never became an order stops holding its login after this long, so abandoned
 * baskets do not keep logins forever. Reservations of orders hold until provisioning releases them.
 */
export const ABANDONED_RESERVATION_MS = 7 * 24 * 60 * 60 * 1000

/** Whether a reservation still keeps its login from other carts. */
export function holdsLogin(reservation: { order_id: string | null; released_at: Date | string | null; created_at: Date | string }) {
  if (reservation.released_at) {
    return false
  }
  return !!reservation.order_id || Date.now() - new Date(reservation.created_at).getTime() < ABANDONED_RESERVATION_MS
}

export function normalizeLogin(login: string) {
  return login.trim().toLowerCase()
}

/** Why `login` is not acceptable in `format`, or null. */
export function loginFormatProblem(login: string, format: LoginFormat): string | null {
  const value = login.trim()
  if (format === "email") {
    return isEmail(value) ? null : `The login "${value}" must be an e-mail address for an Acronis CSP contract (e.g. jane@example.com).`
  }
  if (isEmail(value) || USERNAME.test(value)) {
    return null
  }
  return (
    `The login "${value}" is neither a username (letters, digits, ".", "_" or "-", up to 64 characters, e.g. JohnDoe) ` +
    "nor an e-mail address."
  )
}

export type LoginAvailability = { login: string; available: boolean; reason: string | null }

// Acronis's "taken" answers for the live check while a shopper types: the same login asked again within this
// long is answered from here. "Free" is never kept: it may stop being true any moment (another shop, our own
// provisioning), and completion asks Acronis every time anyway.
const TAKEN_ANSWER_MAX_AGE_MS = 30_000
const recentlyTaken = new Map<string, number>()

async function acronisSaysAvailable(acronis: AcronisModuleService, login: string, cached: boolean): Promise<boolean> {
  const now = Date.now()
  const takenAt = recentlyTaken.get(login)
  if (cached && takenAt !== undefined && now - takenAt < TAKEN_ANSWER_MAX_AGE_MS) return false
  const { available } = await acronis.getAcronisClient().users.checkLogin(login)
  if (!available) {
    if (recentlyTaken.size >= 5_000) recentlyTaken.clear()
    recentlyTaken.set(login, now)
  }
  return available
}

/**
 * Whether a login can be chosen: well-formed, free in Acronis (`check_login`), and not reserved by another
 * open cart or unprovisioned order of this shop. `cartId`'s own reservation does not count against it.
 * `cached`: Acronis's "taken" may be up to 30 s old (the live check while typing; never at completion).
 */
export async function checkLoginAvailability(
  container: MedusaContainer,
  login: string,
  options: { cartId?: string | null; format?: LoginFormat; cached?: boolean } = {}
): Promise<LoginAvailability> {
  const normalized = normalizeLogin(login)
  const problem = loginFormatProblem(login, options.format ?? "username_or_email")
  if (problem) {
    return { login: normalized, available: false, reason: problem }
  }
  const checkout = container.resolve<AcronisCheckoutModuleService>(ACRONIS_CHECKOUT_MODULE)
  const reservations = await checkout.listAcronisLoginReservations({ login: normalized, released_at: null })
  if (reservations.some((reservation) => reservation.cart_id !== options.cartId && holdsLogin(reservation))) {
    return { login: normalized, available: false, reason: `The login "${normalized}" is already taken; choose another.` }
  }
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const available = await acronisSaysAvailable(acronis, normalized, options.cached ?? false)
  if (!available) {
    return { login: normalized, available: false, reason: `The login "${normalized}" is already taken in Acronis; choose another.` }
  }
  return { login: normalized, available: true, reason: null }
}

/** How many candidates a proposal tries before it gives up and asks the buyer to choose. */
const PROPOSAL_CANDIDATES = 5

/**
 * A login for a plan's administrator, unique across Acronis (seed 004: "We recommend using Admin as a username
 * of the administrator"; Acronis logins are unique across all of Acronis, so "admin" alone is always taken):
 * the username qualified by the customer's domain, `admin.contoso.com`, then `admin2.contoso.com`, … each
 * checked live like the availability route. `login: null` when none of them is free.
 */
export async function proposeLogin(
  container: MedusaContainer,
  input: { username: string; domain: string; cartId?: string | null }
): Promise<{ login: string | null; available: boolean; tried: LoginAvailability[] }> {
  const username = input.username.trim().toLowerCase()
  const domain = input.domain.trim().toLowerCase()
  const tried: LoginAvailability[] = []
  for (let n = 1; n <= PROPOSAL_CANDIDATES; n++) {
    const candidate = `${username}${n === 1 ? "" : n}.${domain}`
    const answer = await checkLoginAvailability(container, candidate, { cartId: input.cartId, cached: true })
    tried.push(answer)
    if (answer.available) {
      return { login: answer.login, available: true, tried }
    }
    if (loginFormatProblem(candidate, "username_or_email")) {
      break
    }
  }
  return { login: null, available: false, tried }
}
