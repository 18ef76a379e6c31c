import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { PlanOrder } from "../../modules/acronis/domain/plan-terms"
import { proposeLogin } from "../acronis-checkout/login"

export type AccountManager = { id: string; email: string }

/**
 * The login and activation e-mail of a plan ordered with its form, where the account manager left them out:
 * the login proposed from the administrator's username and the domain (free in Acronis, checked live), the
 * e-mail the customer's contact's when the credentials go to the customer, else the account manager's (the
 * order's when an API key placed it).
 * `proposed`: the login was checked by the proposal, so it needs no second check.
 */
export async function planServiceDetails(
  container: MedusaContainer,
  form: PlanOrder,
  given: { login?: string; email?: string },
  orderEmail: string,
  accountManager: AccountManager | null
): Promise<{ login: string; email: string; proposed: boolean }> {
  const email =
    given.email ??
    (form.send_credentials_to.includes("customer") ? form.customer.contact_email : (accountManager?.email ?? orderEmail))
  if (given.login) {
    return { login: given.login, email, proposed: false }
  }
  const proposal = await proposeLogin(container, { username: form.admin_username, domain: form.domain })
  if (!proposal.login) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `login: ${proposal.tried.map((tried) => tried.login).join(", ")} ${proposal.tried.length === 1 ? "is" : "are"} not free in Acronis; give a login.`
    )
  }
  return { login: proposal.login, email, proposed: true }
}
