import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import AcronisModuleService from "../../../modules/acronis/service"
import { billingIntervalsOf } from "../../acronis-provisioning/steps/create-order-subscriptions"
import type { AcronisLine } from "../../acronis-checkout/acronis-lines"
import { loadBuyer } from "../../acronis-checkout/buyer"
import { assertNoOpenPayPerUse } from "../../acronis-checkout/rules"

export type PrepareAcronisStaffOrderInput = {
  customer_id: string
  product_id: string
  region_id?: string
  billing_interval: "month" | "year"
  reference: string
  details?: string
  login?: string
  email?: string
  protection_licensing_model?: string
  file_sync_share_licensing_model?: string
}

type Offer = {
  type: "ppu" | "contract" | "plan"
  protection_models: string[]
  file_sync_share_models: string[]
  plan: { billing_intervals?: string[] } | null
}

export const prepareAcronisStaffOrderStepId = "prepare-acronis-staff-order"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Checks what the account manager entered against the customer, the product's offer and Acronis (the login
 * must be free; a plan's billing interval must be one it is sold by), and turns it into the order a
 * storefront checkout would have produced: licensing models and a plan's `billing_interval` on the line's
 * `metadata.acronis`. A customer with an open pay-per-use subscription gets no second one. Reads only.
 */
export const prepareAcronisStaffOrderStep = createStep(
  prepareAcronisStaffOrderStepId,
  async (input: PrepareAcronisStaffOrderInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name"],
      filters: { id: input.customer_id },
    })
    const customer = customers[0]
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer_id: no customer ${input.customer_id}`)
    }
    const { data: products } = await query.graph({
      entity: "product",
      fields: ["id", "title", "acronis_offer.*", "variants.id", "variants.title", "variants.prices.amount", "variants.prices.currency_code"],
      filters: { id: input.product_id },
    })
    const product = products[0] as
      | { id: string; title: string; acronis_offer?: Offer | null; variants: { id: string; prices?: { amount: number; currency_code: string }[] }[] }
      | undefined
    if (!product) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `product_id: no product ${input.product_id}`)
    }
    const offer = product.acronis_offer
    if (!offer) {
      throw invalid(`product_id: ${product.title} is not an Acronis product`)
    }

    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id", "currency_code"],
      filters: input.region_id ? { id: input.region_id } : {},
    })
    const variant = product.variants[0]
    const priced = regions
      .map((region) => ({ region, price: variant?.prices?.find((p) => p.currency_code === region.currency_code) }))
      .find(({ price }) => price !== undefined)
    if (!priced) {
      throw invalid(
        input.region_id
          ? `region_id: ${product.title} has no price in this region's currency`
          : `product_id: ${product.title} has no price in the currency of any region`
      )
    }

    let settings: Record<string, string> | undefined
    if (offer.type === "ppu") {
      const protection = input.protection_licensing_model
      const fileSyncShare = input.file_sync_share_licensing_model
      if (!protection || !offer.protection_models.includes(protection)) {
        throw invalid(`protection_licensing_model: choose one of ${offer.protection_models.join(", ")}`)
      }
      if (!fileSyncShare || !offer.file_sync_share_models.includes(fileSyncShare)) {
        throw invalid(`file_sync_share_licensing_model: choose one of ${offer.file_sync_share_models.join(", ")}`)
      }
      settings = { protection_licensing_model: protection, file_sync_share_licensing_model: fileSyncShare }
    }
    // One pay-per-use subscription per customer, as in the storefront; the workflow then takes the hold.
    const buyer = await loadBuyer(container, { customer_id: customer.id, sub_account_id: null })
    const lines = [{ offer: { type: offer.type } }] as AcronisLine[]
    await assertNoOpenPayPerUse(container, lines, buyer)
    const intervals = billingIntervalsOf(offer)
    if (!intervals.includes(input.billing_interval)) {
      throw invalid(`billing_interval: ${product.title} is sold by ${intervals.join(" or ")}`)
    }
    // A plan's interval goes on the line, where the subscription reads it (as for a storefront line).
    if (offer.type === "plan") settings = { ...settings, billing_interval: input.billing_interval }

    const email = input.email ?? customer.email
    const login = input.login ?? email
    if (offer.type === "contract" && !/^[^@\s]+@[^@\s]+$/.test(login)) {
      throw invalid("login: a CSP contract's Acronis login must be an e-mail address")
    }
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { available } = await acronis.getAcronisClient().users.checkLogin(login)
    if (!available) {
      throw invalid(`login: ${login} is already taken in Acronis; choose another`)
    }

    return new StepResponse({
      pay_per_use: { lines, buyer },
      region_id: priced.region.id,
      currency_code: priced.region.currency_code,
      customer_id: customer.id,
      email,
      items: [
        {
          title: product.title,
          product_id: product.id,
          variant_id: variant.id,
          quantity: 1,
          unit_price: priced.price!.amount,
          metadata: settings ? { acronis: settings } : {},
        },
      ],
      metadata: {
        acronis_staff_order: true,
        acronis_reference: input.reference,
        acronis_details: input.details ?? null,
        acronis_billing_interval: input.billing_interval,
        acronis_service_details: { login, email },
      },
    })
  }
)
