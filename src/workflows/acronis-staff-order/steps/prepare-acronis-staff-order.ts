import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import AcronisModuleService from "../../../modules/acronis/service"
import { billingIntervalsOf } from "../../acronis-provisioning/steps/create-order-subscriptions"
import { CONTRACT_CURRENCIES } from "../../../modules/acronis/domain/licensing"
import { currencyFitsPlanOrder } from "../../../modules/acronis/domain/plan-terms"
import { type AcronisLine, loadOffersByVariant, toAcronisLine } from "../../acronis-checkout/acronis-lines"
import { loadBuyer } from "../../acronis-checkout/buyer"
import { assertDataLocationsOfTenant, assertPlanOrder, readPlanOrder } from "../../acronis-checkout/plan-order"
import { assertNoOpenPayPerUse } from "../../acronis-checkout/rules"
import { type AccountManager, planServiceDetails } from "../plan-service-details"

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
  /** A plan's order form, as a storefront line item's `metadata.plan_order`. */
  plan_order?: Record<string, unknown>
  /** The staff user placing the order: its account manager. Null when an API key places it. */
  account_manager_id?: string | null
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
 * must be free; a plan's billing interval must be one it is sold by; a plan's order form is checked as at
 * checkout), and turns it into the order a storefront checkout would have produced: licensing models and a
 * plan's `billing_interval` on the line's `metadata.acronis`, the form on its `metadata.plan_order`, the line
 * priced at the variant's price in the region's currency as Medusa prices a storefront line. With no region
 * named, a plan's form picks it (a SaaS order's currency; a cloud order's package priced in it). The staff
 * user is the order's account manager. A customer with an open pay-per-use subscription gets no second one.
 * Reads only.
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
    const customer = customers[0] as { id: string; email: string | null } | undefined
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer_id: no customer ${input.customer_id}`)
    }
    // The order is the customer's, under its e-mail (Medusa files an order under the customer of its e-mail).
    const orderEmail = customer.email
    if (!orderEmail) {
      throw invalid(`customer_id: the customer ${customer.id} has no e-mail address; give the customer one first`)
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

    const variant = product.variants[0]
    const line = variant && (await loadOffersByVariant(container, [variant.id])).get(variant.id)
    const terms = line?.offer.plan ?? null
    if (input.plan_order !== undefined && !terms) {
      throw invalid(`plan_order: ${product.title} is not a plan; leave the order form out`)
    }
    // Read before Acronis is asked anything: a malformed form is refused as it would be in the storefront.
    const planOrder = readPlanOrder({ plan_order: input.plan_order })

    const { data: regions } = await query.graph({
      entity: "region",
      fields: ["id", "currency_code"],
      filters: input.region_id ? { id: input.region_id } : {},
    })
    const pricedRegions = regions
      .map((region) => ({ region, price: variant?.prices?.find((p) => p.currency_code === region.currency_code) }))
      .filter(({ price }) => price !== undefined)
    const priced =
      (planOrder && terms && pricedRegions.find(({ region }) => currencyFitsPlanOrder(terms, planOrder, region.currency_code))) ||
      pricedRegions[0]
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
    // Contracts are the storefront's too: a reseller's own, billed in one of the contract currencies.
    if (offer.type === "contract") {
      if (!buyer.reseller) {
        throw invalid(`customer_id: ${product.title} is an Acronis CSP contract, sold only to resellers; ${orderEmail} is not one (make the customer a reseller first)`)
      }
      if (!(CONTRACT_CURRENCIES as readonly string[]).includes(priced.region.currency_code.toLowerCase())) {
        throw invalid(`region_id: Acronis CSP contracts are billed only in ${CONTRACT_CURRENCIES.map((code) => code.toUpperCase()).join(", ")}; choose a region in one of them`)
      }
    }
    const intervals = billingIntervalsOf(offer)
    if (!intervals.includes(input.billing_interval)) {
      throw invalid(`billing_interval: ${product.title} is sold by ${intervals.join(" or ")}`)
    }
    // A plan's interval goes on the line, where the subscription reads it (as for a storefront line).
    if (offer.type === "plan") settings = { ...settings, billing_interval: input.billing_interval }
    // The form against the offer, the region's currency and the storages Acronis offers now, as at checkout.
    if (line) {
      const metadata = input.plan_order === undefined ? null : { plan_order: input.plan_order }
      const planLine = toAcronisLine({ id: null, variant_id: variant.id, title: product.title, metadata }, line)
      await assertPlanOrder(container, planLine, priced.region.currency_code, "staff_order")
      await assertDataLocationsOfTenant(container, [planLine], buyer)
    }

    const { data: users } = input.account_manager_id
      ? await query.graph({ entity: "user", fields: ["id", "email"], filters: { id: input.account_manager_id } })
      : { data: [] }
    const user = users[0] as { id: string; email: string | null } | undefined
    const accountManager: AccountManager | null = user?.email ? { id: user.id, email: user.email } : null

    // The order's e-mail stays the customer's (another would make Medusa file the order under a new guest
    // customer); the service's, who activates the login, may be someone else's.
    const { login, email, proposed } = planOrder
      ? await planServiceDetails(container, planOrder, { login: input.login, email: input.email }, orderEmail, accountManager)
      : { email: input.email ?? orderEmail, login: input.login ?? input.email ?? orderEmail, proposed: false }
    if (offer.type === "contract" && !/^[^@\s]+@[^@\s]+$/.test(login)) {
      throw invalid("login: a CSP contract's Acronis login must be an e-mail address")
    }
    const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
    const { available } = proposed ? { available: true } : await acronis.getAcronisClient().users.checkLogin(login)
    if (!available) {
      throw invalid(`login: ${login} is already taken in Acronis; choose another`)
    }

    return new StepResponse({
      pay_per_use: { lines, buyer },
      region_id: priced.region.id,
      currency_code: priced.region.currency_code,
      customer_id: customer.id,
      email: orderEmail,
      items: [
        {
          title: product.title,
          product_id: product.id,
          variant_id: variant.id,
          quantity: 1,
          unit_price: priced.price!.amount,
          metadata: { ...(settings && { acronis: settings }), ...(planOrder && { plan_order: planOrder }) },
        },
      ],
      metadata: {
        acronis_staff_order: true,
        acronis_reference: input.reference,
        acronis_details: input.details ?? null,
        acronis_billing_interval: input.billing_interval,
        acronis_service_details: { login, email },
        ...(accountManager && { acronis_account_manager: accountManager }),
      },
    })
  }
)
