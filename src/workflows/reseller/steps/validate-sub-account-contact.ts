import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type ValidateSubAccountContactInput = { reseller_id: string; notification_customer_id: string }

export const validateSubAccountContactStepId = "validate-sub-account-contact"

/** The reseller is active and the notification contact is one of its users (a customer acting for it). */
export const validateSubAccountContactStep = createStep(
  validateSubAccountContactStepId,
  async (input: ValidateSubAccountContactInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [reseller] } = await query.graph({
      entity: "reseller",
      fields: ["id", "status", "customers.id"],
      filters: { id: input.reseller_id },
    })
    if (!reseller) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reseller "${input.reseller_id}" does not exist.`)
    if (reseller.status !== "active") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This reseller account is disabled; contact the shop to re-enable it.")
    }
    const customers = ((reseller as { customers?: ({ id: string } | null)[] }).customers ?? []).filter(Boolean)
    if (!customers.some((customer) => customer!.id === input.notification_customer_id)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `notification_customer_id: "${input.notification_customer_id}" is not one of this reseller's users; choose one from GET /store/acronis/reseller.`
      )
    }
    return new StepResponse(undefined)
  }
)
