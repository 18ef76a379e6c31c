import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"

export type ValidateResellerCustomerInput = { customer_id: string }

export const validateResellerCustomerStepId = "validate-reseller-customer"

/** The customer exists and does not act for a reseller yet (a customer acts for at most one). */
export const validateResellerCustomerStep = createStep(
  validateResellerCustomerStepId,
  async (input: ValidateResellerCustomerInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: [customer] } = await query.graph({
      entity: "customer",
      fields: ["id", "reseller.id", "reseller.name"],
      filters: { id: input.customer_id },
    })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer_id: customer "${input.customer_id}" does not exist.`)
    }
    const reseller = (customer as { reseller?: { id: string; name: string } | null }).reseller
    if (reseller) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `customer_id: customer "${input.customer_id}" already acts for reseller "${reseller.name}" (${reseller.id}).`
      )
    }
    return new StepResponse(undefined)
  }
)
