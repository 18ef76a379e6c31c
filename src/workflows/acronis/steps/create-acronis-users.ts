import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { AcronisApiError, type AcronisClient, type User } from "../../../lib/acronis"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"

export type AcronisUserInput = {
  email: string
  /** Defaults to `email`. Logins are unique across all of Acronis. */
  login?: string
  first_name: string
  last_name: string
  /** ISO 639-1; Acronis defaults to "en". */
  language?: string
  /** Our id for the person, stored as the user's `external_id`. */
  reference_id?: string
}

export type CreateAcronisUsersInput = {
  /** The tenant the users belong to (a `customer` tenant for company users). */
  tenant_id: string
  users: AcronisUserInput[]
  /** Roles given on `tenant_id`; default `["company_admin"]` (the customer's administrators). */
  role_ids?: string[]
  /** Default true: Acronis e-mails each new user a link to set a password. */
  send_activation_email?: boolean
  /**
   * Acronis user ids an earlier run already had e-mailed (the caller's record): they are not e-mailed again,
   * activated or not, so a retried run sends no second activation e-mail.
   */
  activation_email_sent_to?: string[]
  /** Default true: delete the users this step created when a later step fails (all or nothing). */
  delete_on_compensation?: boolean
}

export type CreatedAcronisUser = {
  email: string
  login: string
  acronis_user_id: string
  /** `created` now, or `found`: a user with this login already in the tenant (a re-run). */
  outcome: "created" | "found"
  /** Whether the user has set a password already (then no activation e-mail is due). */
  activated: boolean
  /** Sent by this run: the caller records it and passes the id in `activation_email_sent_to` next time. */
  activation_email_sent: boolean
  /** Asked for, but the answer was lost (timeout, dropped connection): counted as sent, never asked again. */
  activation_email_unconfirmed?: boolean
}

type Compensation = { user_ids: string[] }

export const createAcronisUsersStepId = "create-acronis-users"

/** The user with `login` in `tenantId`, if any (Acronis has no lookup by login). */
async function findUserInTenant(client: AcronisClient, tenantId: string, login: string): Promise<User | undefined> {
  const ids = (await client.request({ method: "GET", path: `/tenants/${encodeURIComponent(tenantId)}/users` })) as { items?: string[] }
  for (const id of ids.items ?? []) {
    const user = await client.users.get(id)
    if (user.login.toLowerCase() === login.toLowerCase() && !user.deleted_at) return user
  }
  return undefined
}

/**
 * What the step does in Acronis, for callers without a workflow (the provisioning benchmark). On failure
 * the users it created are deleted again (unless `delete_on_compensation: false`) before it throws.
 */
export async function createAcronisUsers(
  client: AcronisClient,
  input: CreateAcronisUsersInput
): Promise<{ users: CreatedAcronisUser[]; created_ids: string[] }> {
  const roles = input.role_ids ?? ["company_admin"]
  const sendEmail = input.send_activation_email ?? true
  const emailedBefore = new Set(input.activation_email_sent_to ?? [])
  const created: CreatedAcronisUser[] = []
  const compensation: Compensation = { user_ids: [] }

  // Several users: every login is checked (at once) before anyone is created, so a refused login leaves
  // nothing behind. One user: the create is the check, which saves the round trip of `check_login`.
  const plan: { person: AcronisUserInput; login: string; existing?: User }[] = []
  const taken: string[] = []
  const checked = input.users.length > 1
  const availability = checked
    ? await Promise.all(input.users.map((person) => client.users.checkLogin(person.login ?? person.email)))
    : []
  for (const [index, person] of input.users.entries()) {
    const login = person.login ?? person.email
    if (!checked || availability[index].available) {
      plan.push({ person, login })
      continue
    }
    const existing = await findUserInTenant(client, input.tenant_id, login)
    if (existing) plan.push({ person, login, existing })
    else taken.push(person.email)
  }
  if (taken.length) throw loginsTaken(taken)

  try {
    for (const { person, login, existing: known } of plan) {
      let existing = known
      const user =
        existing ??
        (await client.users
          .create({
            tenant_id: input.tenant_id,
            login,
            contact: { email: person.email, firstname: person.first_name, lastname: person.last_name },
            ...(person.language && { language: person.language }),
            ...(person.reference_id && { external_id: person.reference_id }),
          })
          .catch(async (error: unknown) => {
            // Unchecked login refused: ours from an earlier run if it is in this tenant, else someone else's.
            if (checked || !(error instanceof AcronisApiError) || error.retryable) throw error
            const { available } = await client.users.checkLogin(login).catch(() => ({ available: true }))
            if (available) throw error
            existing = await findUserInTenant(client, input.tenant_id, login)
            if (!existing) throw loginsTaken([person.email])
            return existing
          }))
      if (!existing && (input.delete_on_compensation ?? true)) compensation.user_ids.push(user.id)
      if (roles.length) {
        await client.users.setAccessPolicies(user.id, roles.map((role_id) => ({ role_id, tenant_id: input.tenant_id })))
      }
      const activationEmail = sendEmail && !user.activated && !emailedBefore.has(user.id)
      if (activationEmail) await client.users.sendActivationEmail(user.id)
      created.push({
        email: person.email,
        login,
        acronis_user_id: user.id,
        outcome: existing ? "found" : "created",
        activated: user.activated,
        activation_email_sent: activationEmail,
      })
    }
  } catch (error) {
    // The step failed, so its compensation will not run: undo this run's users here.
    await deleteUsers(client, compensation.user_ids)
    throw error
  }
  return { users: created, created_ids: compensation.user_ids }
}

/**
 * Makes each person an Acronis user of `tenant_id` with the given roles and sends the activation e-mail.
 * Idempotent by login: a login already used *in this tenant* is taken to be our user from an earlier run
 * (roles re-applied; the e-mail sent only if the user is not activated and not in `activation_email_sent_to`
 * — Acronis keeps no record of sent e-mails, so the caller keeps it); a login used anywhere else stops the
 * step with a 400 naming the e-mail before any user is created: several users' logins are all checked
 * first (`check_login`); a single user's create is its own check (a refused create asks `check_login` then).
 *
 * Compensation deletes the users this run created (never users it found), unless
 * `delete_on_compensation: false`. Their activation e-mails cannot be recalled.
 */
export const createAcronisUsersStep = createStep(
  createAcronisUsersStepId,
  async (input: CreateAcronisUsersInput, { container }) => {
    const client = container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient()
    const { users, created_ids } = await createAcronisUsers(client, input)
    return new StepResponse(users, { user_ids: created_ids } as Compensation)
  },
  async (compensation: Compensation | undefined, { container }) => {
    if (!compensation?.user_ids.length) return
    await deleteUsers(container.resolve<AcronisModuleService>(ACRONIS_MODULE).getAcronisClient(), compensation.user_ids)
  }
)

function loginsTaken(taken: string[]): MedusaError {
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    `email: ${taken.map((email) => `"${email}"`).join(", ")} ${taken.length > 1 ? "are" : "is"} already ${taken.length > 1 ? "Acronis logins" : "an Acronis login"} outside this account; use another address. No user was added.`
  )
}

/** Acronis refuses to delete an enabled user: each is disabled first, then deleted with the version that gave it. */
async function deleteUsers(client: AcronisClient, userIds: string[]): Promise<void> {
  for (const id of [...userIds].reverse()) {
    try {
      let user = await client.users.get(id)
      if (user.enabled) user = await client.users.update(id, { version: user.version, enabled: false })
      await client.users.delete(id, user.version)
    } catch (error) {
      // Already gone (a retried compensation, or deleted by hand): nothing left to undo.
      if (!(error instanceof AcronisApiError && error.status === 404)) throw error
    }
  }
}
