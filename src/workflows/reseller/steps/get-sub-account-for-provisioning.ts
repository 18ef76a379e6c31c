import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type SubAccountForProvisioning = {
  sub_account: {
    id: string
    name: string
    kind: "end_customer" | "sub_division"
    status: string
    email: string
    phone: string | null
    address_1: string
    address_2: string | null
    city: string
    province: string | null
    postal_code: string
    country_code: string
    acronis_tenant_id: string | null
  }
  reseller: { id: string; name: string; acronis_tenant_id: string | null }
  notification_contact: { email: string; name: string | null }
}

export const getSubAccountForProvisioningStepId = "get-sub-account-for-provisioning"

/** Reads the sub-account, its reseller and the notification contact's e-mail; refuses a disabled sub-account. */
export const getSubAccountForProvisioningStep = createStep(
  getSubAccountForProvisioningStepId,
  async (input: { sub_account_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [subAccount] } = await query.graph({
      entity: "reseller_sub_account",
      fields: [
        "id", "name", "kind", "status", "email", "phone", "address_1", "address_2", "city", "province", "postal_code",
        "country_code", "acronis_tenant_id", "notification_customer_id", "reseller.id", "reseller.name", "reseller.acronis_tenant_id",
      ],
      filters: { id: input.sub_account_id },
    })
    if (!subAccount) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sub-account "${input.sub_account_id}" does not exist.`)
    if (subAccount.status === "disabled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Sub-account "${subAccount.id}" is disabled; enable it before provisioning.`)
    }
    const { data: [contact] } = await query.graph({
      entity: "customer",
      fields: ["email", "first_name", "last_name"],
      filters: { id: subAccount.notification_customer_id },
    })
    const { reseller, notification_customer_id: _, ...fields } = subAccount as typeof subAccount & {
      reseller: SubAccountForProvisioning["reseller"]
    }
    const name = [contact?.first_name, contact?.last_name].filter(Boolean).join(" ") || null
    return new StepResponse<SubAccountForProvisioning>({
      sub_account: fields as SubAccountForProvisioning["sub_account"],
      reseller: { id: reseller.id, name: reseller.name, acronis_tenant_id: reseller.acronis_tenant_id },
      // A contact deleted since falls back to the sub-account's own address, so the news still reaches someone.
      notification_contact: { email: contact?.email ?? subAccount.email, name },
    })
  }
)
