import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import { periodBounds, previousPeriod, utcDay } from "../../../modules/acronis-billing/domain/period"
import type { UsageSnapshotInput } from "../../../modules/acronis-billing/domain/quantities"
import { cmp, fromDecimal, sub, toDecimalString, ZERO } from "../../../modules/acronis-billing/domain/exact"
import { sumAmounts, type OfferTerms } from "../../../modules/acronis-billing/domain/statement"
import { firstTermsOf, offerIdsOf, statementTermsOf, type StatementTerms } from "../../../modules/acronis-billing/domain/term-segments"
import { hasFreeFirstMonth } from "../../../modules/acronis/domain/free-month"
import { offerAsBought } from "../../../modules/acronis/domain/plan-terms"
import { serviceSpansOf, type ServiceSpan } from "../../../modules/acronis/domain/service-spans"
import { historyOf, type TermsHistory } from "../../../modules/acronis/domain/term-history"

export type BillingSubject = {
  period: string
  subscription: {
    id: string
    customer_id: string | null
    tenant_id: string
    email: string
    service_name: string
    activated_on: string
    commitment_minimum: number | null
    /** Every span of days its service ran (cut to the month by the statement). */
    spans: ServiceSpan[]
    billing_cycle: "month" | "year"
    /** An Acronis trial offer still in trial: nothing is billed. */
    in_trial: boolean
  }
  /** When usage last synced from Acronis: a month is held until a sync reached its last billed day. */
  last_synced_at: string | null
  /** What the customer paid at checkout for this subscription and no earlier statement has credited yet. */
  checkout_credit: string
  /** The offer's terms the subscription was bought on; later ones are in `terms`. */
  offer: OfferTerms
  /** Its changes of terms known at the period's end, as statement segments. */
  terms: StatementTerms
  /** The order the subscription was bought with: its currency, region, channel and customer bill the statement. */
  order: { id: string; currency_code: string; region_id: string | null; sales_channel_id: string | null; customer_id: string | null; email: string | null }
  snapshots: UsageSnapshotInput[]
}

export const loadBillingSubjectStepId = "load-billing-subject"

export type LoadBillingSubjectInput = {
  subscription_id: string
  period: string
  /** A term history to bill on instead of the stored one (a change's cost preview). */
  terms_history?: TermsHistory
  /** Load snapshots from this day on (a projection of a later month); default the previous month's 1st. */
  snapshots_since?: string
}

/** The offer's billing terms, as statements read them. */
export function offerTermsOf(offer: {
  type: OfferTerms["type"]
  unit_prices: unknown
  storage_basis: OfferTerms["storage_basis"]
  commitments: unknown
  plan: unknown
  offering_items: unknown
}): OfferTerms {
  return {
    type: offer.type,
    unit_prices: offer.unit_prices as OfferTerms["unit_prices"],
    storage_basis: offer.storage_basis,
    commitments: offer.commitments as OfferTerms["commitments"],
    plan: offer.plan as OfferTerms["plan"],
    offering_items: (offer.offering_items ?? []) as unknown as OfferTerms["offering_items"],
  }
}

/**
 * Everything a statement is computed from: the subscription, its offer's terms (and those of any offer its
 * term history changed to), its order's currency, and its snapshots from the previous month to the end of
 * the period (earlier days carry into the period).
 */
export async function loadBillingSubject(container: MedusaContainer, input: LoadBillingSubjectInput): Promise<BillingSubject> {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const subscription = await acronis.retrieveAcronisSubscription(input.subscription_id)
  if (!subscription.tenant_id || !subscription.activated_at) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Subscription ${subscription.id} was never activated: there is nothing to bill`)
  }
  const offer = offerAsBought(await acronis.retrieveAcronisOffer(subscription.offer_id), subscription)
  const history = input.terms_history ?? historyOf(subscription, offer, acronis.getEditionMapping())
  const offerIds = offerIdsOf(history)
  const offers = await acronis.listAcronisOffers({ id: offerIds })
  const missing = offerIds.filter((id) => !offers.some((o) => o.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Subscription ${subscription.id} was billed on offer ${missing.join(", ")}, which no longer exists`)
  }
  // Its own offer as bought (a plan's order form); offers its terms changed to, as they are.
  const offerTerms = Object.fromEntries(offers.map((o) => [o.id, offerTermsOf(o.id === offer.id ? offer : o)]))
  const { data: [order] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "currency_code", "region_id", "sales_channel_id", "customer_id", "email", "items.id", "items.unit_price", "items.quantity"],
    filters: { id: subscription.order_id },
  })
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${subscription.order_id} of subscription ${subscription.id} was not found`)

  const { end } = periodBounds(input.period)
  const since = input.snapshots_since ?? periodBounds(previousPeriod(input.period)).start
  const snapshots = await billing.listAcronisUsageSnapshots(
    { subscription_id: subscription.id, day: { $gte: since, $lte: end } },
    { select: ["id", "offering_item", "edition", "infra_id", "measurement_unit", "day", "value", "absolute_value", "pricing_mode"], order: { day: "ASC" }, take: null }
  )
  const [account] = await billing.listAcronisBillingAccounts({ subscription_id: subscription.id }, { select: ["id", "last_synced_at"] })
  const paid = (order.items ?? [])
    .filter((item: { id: string } | null) => item?.id === subscription.line_item_id)
    .reduce((sum: number, item: any) => sum + Number(item.unit_price ?? 0) * Number(item.quantity ?? 0), 0)
  const checkoutCredit = await remainingCheckoutCredit(billing, subscription.id, input.period, paid)
  const currency = String(order.currency_code).toLowerCase()
  const first = firstTermsOf(history, currency)
  return {
    period: input.period,
    subscription: {
      id: subscription.id,
      customer_id: subscription.customer_id ?? order.customer_id ?? null,
      tenant_id: subscription.tenant_id,
      email: subscription.email,
      service_name: subscription.service_name,
      activated_on: utcDay(new Date(subscription.activated_at)),
      commitment_minimum: first.commitment_minimum,
      spans: serviceSpansOf(subscription),
      billing_cycle: first.billing_cycle,
      // Postponed billing runs in Acronis's trial too, but its free month is a billing rule of its own.
      in_trial: offer.pricing_mode === "trial" && subscription.pricing_mode === "trial" && !hasFreeFirstMonth(offer),
    },
    last_synced_at: account?.last_synced_at ? new Date(account.last_synced_at).toISOString() : null,
    checkout_credit: checkoutCredit,
    offer: offerTerms[history.initial.offer_id],
    terms: statementTermsOf(history, input.period, offerTerms, currency),
    order: {
      id: order.id,
      currency_code: currency,
      region_id: order.region_id ?? null,
      sales_channel_id: order.sales_channel_id ?? null,
      customer_id: order.customer_id ?? null,
      email: order.email ?? null,
    },
    snapshots: snapshots.map((s) => ({ ...s, infra_id: s.infra_id ?? "" })),
  }
}

/** Loads the subject of one subscription's statement for a month (`loadBillingSubject`); reads only. */
export const loadBillingSubjectStep = createStep(
  loadBillingSubjectStepId,
  async (input: LoadBillingSubjectInput, { container }) => new StepResponse<BillingSubject>(await loadBillingSubject(container, input))
)

/**
 * The checkout payment still to be credited: what was paid for the order line, less the credit lines of the
 * subscription's statements for earlier months (so a re-close of the same month does not count its own).
 */
async function remainingCheckoutCredit(billing: AcronisBillingModuleService, subscriptionId: string, period: string, paid: number): Promise<string> {
  if (!(paid > 0)) return "0"
  const earlier = await billing.listAcronisStatements(
    { subscription_id: subscriptionId, period: { $lt: period } },
    { select: ["id"], take: null }
  )
  const credited = earlier.length
    ? await billing.listAcronisStatementLines({ statement_id: earlier.map((s) => s.id), kind: "credit" as never }, { select: ["amount"], take: null })
    : []
  // Credit lines are negative.
  const remaining = sub(fromDecimal(paid), sumAmounts(credited.map((l) => l.amount.replace(/^-/, ""))))
  return cmp(remaining, ZERO) > 0 ? toDecimalString(remaining, 10) : "0"
}
