import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { PlanOrder } from "../../modules/acronis/domain/plan-terms"
import { proposeLogin } from "../acronis-checkout/login"

export type AccountManager = { id: string; email: string }

/**
 * The login and activation e-mail of a plan ordered with its form, where the account manager left them out:
 * the login proposed from the administrator's username and the domain (free in Acronis, checked live), the
 * e-mail the customer's contact's when the credentials go to the customer, else the account manager's.
 * `proposed`: the login was checked by the proposal, so it needs no second check.
 */
export async function planServiceDetails(
  container: MedusaContainer,
  order: PlanOrder,
  given: { login?: string; email?: string },
  fallbackEmail: string,
  accountManager: AccountManager | null
): Promise<{ login: string; email: string; proposed: boolean }> {
  const email =
    given.email ??
    (order.send_credentials_to.includes("customer") ? order.customer.contact_email : (accountManager?.email ?? fallbackEmail))
  if (given.login) {
    return { login: given.login, email, proposed: false }
  }
  const proposal = await proposeLogin(container, { username: order.admin_username, domain: order.domain })
  if (!proposal.login) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `login: ${proposal.tried.map((tried) => tried.login).join(", ")} ${proposal.tried.length === 1 ? "is" : "are"} not free in Acronis; give a login.`
    )
  }
  return { login: proposal.login, email, proposed: true }
}
