import { DOMAIN_NAME, type PlanOrder } from "../../modules/acronis/domain/plan-terms"
import type { toStorePlanForm } from "../../modules/acronis/domain/store-offer-view"

/** A plan's order form as `GET /admin/products/:id/acronis-offer/plan-form` draws it (the store view's `plan`). */
export type PlanForm = ReturnType<typeof toStorePlanForm>

/** The order form while the account manager fills it in: "" for what is not chosen yet. */
export type PlanOrderDraft = Omit<PlanOrder, "deployment" | "payment" | "data_location" | "currency"> & {
  deployment: PlanOrder["deployment"] | ""
  payment: PlanOrder["payment"] | ""
  data_location: string
  currency: string
}

const E_MAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/

// A choice the offer leaves no room for is made; the data location never is: it is for good.
const onlyChoice = <T extends string>(options: { value: T }[]) => (options.length === 1 ? options[0].value : "")

export function newPlanOrderDraft(form: PlanForm): PlanOrderDraft {
  const { fields } = form
  return {
    deployment: onlyChoice(fields.deployment.options),
    payment: onlyChoice(fields.payment.options),
    package: onlyChoice(fields.package.options),
    postponed_billing: false,
    data_location: "",
    data_location_confirmed: false,
    currency: onlyChoice(fields.currency.options),
    customer: { company_name: "", contact_name: "", contact_email: "" },
    domain: "",
    admin_username: fields.admin_username.recommended,
    send_credentials_to: [...fields.send_credentials_to.default] as PlanOrder["send_credentials_to"],
  }
}

export const isDomainName = (domain: string) => DOMAIN_NAME.test(domain.trim().toLowerCase())

/** What the account manager still has to fill in before the next step, or null when the form is complete. */
export function missingPlanOrderField(form: PlanForm, draft: PlanOrderDraft): string | null {
  const { fields } = form
  if (!draft.deployment) return `choose the ${fields.deployment.label.toLowerCase()} (Cloud or SaaS)`
  if (draft.deployment === "cloud") {
    if (!draft.data_location) return "choose the data location"
    if (!draft.data_location_confirmed) return "confirm that the data location cannot be changed later"
  }
  if (draft.deployment === "saas" && !draft.currency) return "choose the currency"
  if (!draft.payment) return "choose the payment method"
  if (!draft.package) return "choose a package"
  const { company_name, contact_name, contact_email } = draft.customer
  if (!company_name.trim()) return "enter the company name"
  if (!contact_name.trim()) return "enter the contact name"
  if (!E_MAIL.test(contact_email.trim())) return "enter the contact's e-mail address"
  if (!isDomainName(draft.domain)) return "enter the customer's domain, such as contoso.com"
  if (!draft.admin_username.trim()) return "enter the administrator's username"
  if (!draft.send_credentials_to.length) return "choose who receives the credentials"
  return null
}

/** The `plan_order` of `POST /admin/acronis/customer-orders`: a cloud order has no currency, a SaaS order no location. */
export function toPlanOrder(draft: PlanOrderDraft): PlanOrder {
  const cloud = draft.deployment === "cloud"
  return {
    ...draft,
    deployment: draft.deployment as PlanOrder["deployment"],
    payment: draft.payment as PlanOrder["payment"],
    data_location: cloud ? draft.data_location : null,
    data_location_confirmed: cloud && draft.data_location_confirmed,
    currency: cloud ? null : draft.currency,
    customer: {
      company_name: draft.customer.company_name.trim(),
      contact_name: draft.customer.contact_name.trim(),
      contact_email: draft.customer.contact_email.trim(),
    },
    domain: draft.domain.trim().toLowerCase(),
    admin_username: draft.admin_username.trim(),
  }
}
