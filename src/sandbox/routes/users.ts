/** Users: login check, create (200, not 201), read, update with versions, roles, activation, password. */
import { randomUUID } from "node:crypto"
import { mergeContact } from "../contacts"
import type { SandboxContext } from "../context"
import { ApiError, malformed, notFound, PlatformCode, versionMismatch } from "../errors"
import type { Router } from "../http"
import { DEFAULT_IDP_ID, emptyContact, timestamp, type AccessPolicy, type UserRecord } from "../state"
import { assertOwnTenant, descendantsOf, getTenant } from "../tenancy"
import { csvParam, onlyKeys, optionalBoolean, optionalString, requireInteger, requireObject, requireString, requireVersionQuery, type JsonObject } from "../validation"

const POST_FIELDS = [
  "tenant_id", "login", "external_id", "idp_id", "contact", "enabled", "language", "business_types", "notifications",
  "use_existing_identity", "origin_id", "origin_external_id", "disable_after",
]
const PUT_FIELDS = ["version", "login", "external_id", "idp_id", "contact", "enabled", "language", "notifications", "disable_after"]
/** `GET /users` page size when `limit` is not given (spec). */
const DEFAULT_LIMIT = 2000
const DEFAULT_NOTIFICATIONS = ["quota", "reports", "backup_error", "backup_warning", "backup_daily_report"]
const ROLES = [
  "root_admin", "partner_admin", "company_admin", "unit_admin", "readonly_admin", "protection_admin", "protection_ro_admin",
  "restore_operator", "backup_user", "sync_share_admin", "sync_share_user", "sync_share_guest", "pds_operator", "pds_support",
  "notary_admin", "notary_user", "hci_admin",
]
/** Admin roles only make sense on their tenant kind (UNCONFIRMED how strictly the platform checks). */
const ROLE_TENANT_KINDS: Record<string, string[]> = {
  partner_admin: ["partner", "folder"],
  company_admin: ["customer"],
  unit_admin: ["unit"],
}
// ASCII letters, digits and the punctuation the "creating a user" guide allows.
const LOGIN_RE = /^[A-Za-z0-9.@_\-+:!#$%^*={}'`/?]{3,}$/

/** A user of the client's tree: 404 when there is none, 403 when it belongs to a tenant the client does not own. */
function findUser(ctx: SandboxContext, id: string): UserRecord {
  const user = ctx.state.users[id]
  if (user) assertOwnTenant(ctx, user.tenant_id)
  if (!user || user.deleted_at) throw notFound("User", id)
  return user
}

/** Everything a `GET /users` page needs, so `after` alone fetches the next one (as the spec describes the cursor). */
interface UserListing {
  uuids: string[]
  subtree: string | null
  limit: number
  offset: number
}

function encodeCursor(listing: UserListing): string {
  return Buffer.from(JSON.stringify(listing)).toString("base64url")
}

function decodeCursor(cursor: string): UserListing {
  try {
    const listing = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as UserListing
    if (Array.isArray(listing.uuids) && Number.isInteger(listing.offset) && Number.isInteger(listing.limit)) return listing
  } catch {
    // fall through
  }
  throw malformed("The 'after' cursor is malformed.")
}

function listingFrom(query: URLSearchParams): UserListing {
  const after = query.get("after")
  if (after) return decodeCursor(after)
  const uuids = csvParam(query.get("uuids"))
  const subtree = query.get("subtree_root_tenant_id")
  if (!uuids.length && !subtree) throw malformed("One of 'uuids' or 'subtree_root_tenant_id' is required.")
  if (uuids.length && subtree) throw malformed("Query parameters uuids, subtree_root_tenant_id are mutually exclusive.")
  if (uuids.length > 100) throw malformed("'uuids' accepts at most 100 UUIDs.")
  const limit = query.has("limit") ? requireInteger(query.get("limit"), "limit") : DEFAULT_LIMIT
  if (limit < 1) throw malformed("'limit' must be at least 1.")
  return { uuids, subtree, limit, offset: 0 }
}

function listUsers(ctx: SandboxContext, listing: UserListing): UserRecord[] {
  const live = Object.values(ctx.state.users).filter((u) => !u.deleted_at)
  if (listing.subtree) {
    const tenantIds = new Set([getTenant(ctx, listing.subtree).id, ...descendantsOf(ctx, listing.subtree).map((t) => t.id)])
    return live.filter((u) => tenantIds.has(u.tenant_id))
  }
  // Naming someone else's user is refused, as fetching it alone would be.
  for (const id of listing.uuids) {
    const user = ctx.state.users[id]
    if (user) assertOwnTenant(ctx, user.tenant_id)
  }
  return live.filter((u) => listing.uuids.includes(u.id))
}

/** Logins are unique across the whole platform; compared case-insensitively (UNCONFIRMED). */
function loginTaken(ctx: SandboxContext, login: string, exceptId?: string): boolean {
  const wanted = login.toLowerCase()
  return Object.values(ctx.state.users).some((u) => !u.deleted_at && u.id !== exceptId && u.login.toLowerCase() === wanted)
}

function checkLogin(ctx: SandboxContext, raw: string, exceptId?: string): string {
  const login = raw.trim()
  if (!LOGIN_RE.test(login)) throw new ApiError(400, PlatformCode.InvalidLogin, `Login "${login}" is invalid.`, { login })
  // Status for a taken login on POST/PUT is UNCONFIRMED; 409 matches check_login and the spec's PUT codes.
  if (loginTaken(ctx, login, exceptId)) throw new ApiError(409, 409, `Login "${login}" is already taken.`, { login })
  return login
}

function stringList(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw malformed(`'${name}' must be a list of strings.`)
  return value as string[]
}

function disableAfter(body: JsonObject): string | null {
  const value = optionalString(body, "disable_after")
  if (typeof value === "string" && Number.isNaN(Date.parse(value))) throw malformed("'disable_after' must be a timestamp.")
  return value ?? null
}

export function userView(ctx: SandboxContext, user: UserRecord, withPolicies = false): Record<string, unknown> {
  const { external_id, origin_id, origin_external_id, disable_after, ...rest } = user
  // The batch schema requires the origin fields and `disable_after`, null when never set.
  const view: Record<string, unknown> = {
    ...rest,
    origin_id: origin_id ?? null,
    origin_external_id: origin_external_id ?? null,
    disable_after: disable_after ?? null,
  }
  if (external_id !== undefined) view.external_id = external_id
  if (withPolicies) view.access_policies = ctx.state.access_policies[user.id] ?? []
  return view
}

export function userRoutes(router: Router, ctx: SandboxContext): void {
  router.add("GET", "/users/check_login", (req) => {
    const username = req.query.get("username")
    if (!username) throw new ApiError(406, 406, "Query parameter 'username' is required.")
    if (loginTaken(ctx, username.trim())) throw new ApiError(409, 409, `Login "${username.trim()}" is already taken.`)
    return { status: 204 }
  })

  router.add(
    "POST",
    "/users",
    (req) => {
      const body = requireObject(req.body)
      onlyKeys(body, POST_FIELDS)
      const tenant = getTenant(ctx, requireString(body, "tenant_id"))
      const contactInput = requireObject(body.contact, "contact")
      if (typeof contactInput.email !== "string" || !contactInput.email) throw malformed("'contact.email' is required.")
      const login = checkLogin(ctx, optionalString(body, "login") ?? contactInput.email)
      const now = timestamp()
      const user: UserRecord = {
        id: randomUUID(),
        version: 1,
        tenant_id: tenant.id,
        login,
        contact: mergeContact(emptyContact(randomUUID(), now), contactInput, now),
        activated: false,
        enabled: optionalBoolean(body, "enabled") ?? true,
        language: optionalString(body, "language") ?? "en",
        business_types: stringList(body.business_types, "business_types") ?? [],
        notifications: stringList(body.notifications, "notifications") ?? DEFAULT_NOTIFICATIONS,
        external_id: optionalString(body, "external_id") ?? undefined,
        origin_id: optionalString(body, "origin_id") ?? null,
        origin_external_id: optionalString(body, "origin_external_id") ?? null,
        disable_after: disableAfter(body),
        idp_id: optionalString(body, "idp_id") ?? DEFAULT_IDP_ID,
        // Users of customer tenants get a personal tenant for their own quotas (reference section 7).
        personal_tenant_id: tenant.kind === "customer" || tenant.kind === "unit" ? randomUUID() : null,
        terms_accepted: false,
        mfa_status: "disabled",
        created_at: now,
        updated_at: now,
        deleted_at: null,
      }
      ctx.state.users[user.id] = user
      return { status: 200, body: userView(ctx, user) }
    },
    { body: "json" }
  )

  router.add("GET", "/users", (req) => {
    const listing = listingFrom(req.query)
    const users = listUsers(ctx, listing)
    const page = users.slice(listing.offset, listing.offset + listing.limit)
    const next = listing.offset + page.length
    // Like GET /tenants: on the last page `cursors` is empty (UNCONFIRMED what the platform sends there).
    const cursors = next < users.length ? { after: encodeCursor({ ...listing, offset: next }) } : {}
    return { status: 200, body: { timestamp: timestamp(), items: page.map((u) => userView(ctx, u, true)), paging: { cursors } } }
  })

  router.add("GET", "/tenants/:tenant_id/users", (req) => {
    const tenant = getTenant(ctx, req.params.tenant_id)
    const ids = Object.values(ctx.state.users)
      .filter((u) => u.tenant_id === tenant.id && !u.deleted_at)
      .map((u) => u.id)
    return { status: 200, body: { items: ids } }
  })

  router.add("GET", "/users/:user_id", (req) => ({ status: 200, body: userView(ctx, findUser(ctx, req.params.user_id)) }))

  router.add(
    "PUT",
    "/users/:user_id",
    (req) => {
      const body = requireObject(req.body)
      onlyKeys(body, PUT_FIELDS)
      const version = requireInteger(body.version, "version")
      const user = findUser(ctx, req.params.user_id)
      if (version !== user.version) throw versionMismatch(user.id, user.version)
      const now = timestamp()
      const next: UserRecord = { ...user, version: user.version + 1, updated_at: now }
      if (body.login !== undefined) next.login = checkLogin(ctx, requireString(body, "login"), user.id)
      if (body.contact !== undefined) next.contact = mergeContact(user.contact, body.contact, now)
      next.enabled = optionalBoolean(body, "enabled") ?? user.enabled
      next.language = optionalString(body, "language") ?? user.language
      next.notifications = stringList(body.notifications, "notifications") ?? user.notifications
      if (body.external_id !== undefined) next.external_id = optionalString(body, "external_id") ?? undefined
      if (body.disable_after !== undefined) next.disable_after = disableAfter(body)
      ctx.state.users[user.id] = next
      return { status: 200, body: userView(ctx, next) }
    },
    { body: "json" }
  )

  router.add("DELETE", "/users/:user_id", (req) => {
    const version = requireVersionQuery(req.query)
    const user = findUser(ctx, req.params.user_id)
    if (version !== user.version) throw versionMismatch(user.id, user.version)
    // Acronis's guide disables a user before deleting it; the refusal's status and code are UNCONFIRMED
    // (the tenant analogue, 400 code 1006, is documented).
    if (user.enabled) {
      const message = "It is prohibited to delete a non-disabled user."
      throw new ApiError(400, PlatformCode.DeleteNonDisabledTenant, message, { id: user.id }, `${message.slice(0, -1)} "${user.id}"`)
    }
    user.deleted_at = timestamp()
    user.version += 1
    return { status: 204 }
  })

  router.add("GET", "/users/:user_id/access_policies", (req) => {
    const user = findUser(ctx, req.params.user_id)
    return { status: 200, body: { timestamp: timestamp(), items: ctx.state.access_policies[user.id] ?? [] } }
  })

  router.add(
    "PUT",
    "/users/:user_id/access_policies",
    (req) => {
      const body = requireObject(req.body)
      if (!Array.isArray(body.items)) throw malformed("'items' is required and must be a list.")
      const user = findUser(ctx, req.params.user_id)
      const userTenants = new Set([user.tenant_id, ...descendantsOf(ctx, user.tenant_id).map((t) => t.id)])
      const now = timestamp()
      const existing = ctx.state.access_policies[user.id] ?? []
      // The PUT replaces the whole set of the user's policies.
      const policies: AccessPolicy[] = body.items.map((raw) => {
        const item = requireObject(raw, "access policy")
        const role = typeof item.role_id === "string" ? item.role_id : ""
        if (!ROLES.includes(role)) throw malformed(`'role_id' must be one of: ${ROLES.join(", ")}.`)
        if (item.trustee_id !== user.id) throw malformed("'trustee_id' must be the user's id.")
        if (item.trustee_type !== undefined && item.trustee_type !== "user") throw malformed("'trustee_type' must be 'user'.")
        const tenantId = typeof item.tenant_id === "string" ? item.tenant_id : ""
        const tenant = getTenant(ctx, tenantId)
        if (!userTenants.has(tenant.id)) {
          throw new ApiError(403, PlatformCode.AccessDenied, "A role can only be granted on the user's tenant or below it.")
        }
        const kinds = ROLE_TENANT_KINDS[role]
        if (kinds && !kinds.includes(tenant.kind)) {
          throw new ApiError(400, PlatformCode.BusinessRules, `Role ${role} cannot be granted on a ${tenant.kind} tenant.`, { role_id: role })
        }
        const same = existing.find((p) => p.role_id === role && p.tenant_id === tenant.id)
        return (
          same ?? {
            id: randomUUID(),
            version: 1,
            trustee_id: user.id,
            trustee_type: "user",
            issuer_id: tenant.id,
            tenant_id: tenant.id,
            role_id: role,
            created_at: now,
            updated_at: now,
            deleted_at: null,
          }
        )
      })
      ctx.state.access_policies[user.id] = policies
      return { status: 200, body: { timestamp: now, items: policies } }
    },
    { body: "json" }
  )

  router.add(
    "POST",
    "/users/:user_id/send-activation-email",
    (req) => {
      const user = findUser(ctx, req.params.user_id)
      ctx.state.emails.push({ to: user.contact.email, user_id: user.id, login: user.login, kind: "activation", sent_at: new Date().toISOString() })
      return { status: 204 }
    },
    { body: "optional-json" }
  )

  router.add(
    "POST",
    "/users/:user_id/password",
    (req) => {
      const body = requireObject(req.body)
      onlyKeys(body, ["password"])
      requireString(body, "password")
      const user = findUser(ctx, req.params.user_id)
      // Setting a password is the alternative activation; the password itself is not kept.
      ctx.state.users[user.id] = { ...user, activated: true, version: user.version + 1, updated_at: timestamp() }
      return { status: 204 }
    },
    { body: "json" }
  )
}
