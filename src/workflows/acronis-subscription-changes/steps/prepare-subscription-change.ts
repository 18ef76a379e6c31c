import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import { ACRONIS_MODULE } from "../../../modules/acronis"
import type AcronisModuleService from "../../../modules/acronis/service"
import { ACRONIS_SERVICES, type AcronisService } from "../../../modules/acronis/domain/licensing"
import {
  historyOf,
  planTermChange,
  termsOn,
  type TermChangePlan,
  type TermChangeRequest,
  type TermsHistory,
} from "../../../modules/acronis/domain/term-history"
import { offerAsBought } from "../../../modules/acronis/domain/plan-terms"
import { utcDay } from "../../../modules/acronis-billing/domain/period"
import type { ConfigureTenantOfferingItemsInput } from "../../acronis-provisioning/steps/configure-tenant-offering-items"

export type SubscriptionChangeInput = {
  subscription_id: string
  change: TermChangeRequest
  requested_by: "admin" | "customer"
}

/** What Acronis must do now for a change at once; scheduled changes are applied on their day. */
export type TermChangeAction =
  | { kind: "editions"; configure: ConfigureTenantOfferingItemsInput }
  | { kind: "tier"; tier: number }
  | { kind: "seat_quotas"; seats: number; items: string[] }

export type PreparedSubscriptionChange = {
  subscription_id: string
  tenant_id: string
  attempt: number
  plan: TermChangePlan
  acronis: TermChangeAction | null
}

export type TermChangeContext = {
  subscription: Awaited<ReturnType<AcronisModuleService["retrieveAcronisSubscription"]>>
  offer: Awaited<ReturnType<AcronisModuleService["retrieveAcronisOffer"]>>
  history: TermsHistory
  currency_code: string
}

/** The subscription, the offer of its terms today, its term history and its order's currency. */
export async function loadTermChangeContext(container: MedusaContainer, subscriptionId: string): Promise<TermChangeContext> {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const subscription = await acronis.retrieveAcronisSubscription(subscriptionId)
  // As bought: a plan's order form chose its package (seats, prices, quotas).
  const offer = offerAsBought(await acronis.retrieveAcronisOffer(subscription.offer_id), subscription)
  const { data: [order] } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "order", fields: ["id", "currency_code"], filters: { id: subscription.order_id } })
  return { subscription, offer, history: historyOf(subscription, offer, acronis.getEditionMapping()), currency_code: String(order?.currency_code ?? "usd").toLowerCase() }
}

/** The change a request makes (or why not), from the loaded context: `planTermChange` with today's offers. */
export async function planSubscriptionChange(container: MedusaContainer, context: TermChangeContext, input: SubscriptionChangeInput, now: Date) {
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const offerToday = termsOn(context.history, utcDay(now)).offer_id
  const offer = offerToday === context.offer.id ? context.offer : await acronis.retrieveAcronisOffer(offerToday)
  const targetId = input.change.type === "contract_tier" ? input.change.offer_id : null
  const [target] = targetId ? await acronis.listAcronisOffers({ id: targetId }) : []
  const { data: [targetWithProduct] } = target
    ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "acronis_offer", fields: ["id", "product.status"], filters: { id: target.id } })
    : { data: [] }
  return planTermChange({
    subscription: context.subscription,
    history: context.history,
    offer,
    target_offer: targetId ? (target ?? null) : undefined,
    target_offer_on_sale: (targetWithProduct as { product?: { status?: string } | null } | undefined)?.product?.status === "published",
    currency_code: context.currency_code,
    request: input.change,
    requested_by: input.requested_by,
    edition_mapping: acronis.getEditionMapping(),
    now,
    id: generateEntityId(undefined, "actchg"),
  })
}

/**
 * What Acronis must do at once for a change in effect today: switch the tenant's editions (one per
 * service — the other subscriptions of a shared tenant must not use the edition turned off), put the partner
 * tenant on the higher tier, or raise the seat quotas. Reads only.
 */
export async function termChangeAction(container: MedusaContainer, context: TermChangeContext, plan: TermChangePlan): Promise<TermChangeAction | null> {
  const change = plan.change
  if (plan.outcome !== "changed" || !change || change.timing !== "immediate") return null
  const acronis = container.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const { subscription, offer } = context
  if (change.type === "contract_tier") return { kind: "tier", tier: change.set.contract_tier! }
  if (change.type === "seats") {
    const items = ((offer.offering_items ?? []) as unknown as { name: string; quota?: unknown }[]).filter((i) => i.quota).map((i) => i.name)
    return { kind: "seat_quotas", seats: change.set.seats!, items }
  }
  if (change.type !== "licensing_model") return null
  const editions = change.set.editions ?? []
  const leaving = (plan.before.editions ?? []).filter((edition) => !editions.includes(edition))
  const others = await acronis.listAcronisSubscriptions(
    { tenant_id: subscription.tenant_id!, status: ["active", "suspended", "provisioning", "failed"] },
    { select: ["id", "editions"], take: null }
  )
  const keep = others.filter((o) => o.id !== subscription.id).flatMap((o) => (o.editions as string[] | null) ?? [])
  const clash = leaving.find((edition) => keep.includes(edition))
  if (clash) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Tenant ${subscription.tenant_id} is shared with another subscription that uses ${clash}: its licensing model cannot be switched here; switch both in the Acronis console.`
    )
  }
  const services = ((offer.services as AcronisService[] | null)?.length ? offer.services : [...ACRONIS_SERVICES]) as AcronisService[]
  return {
    kind: "editions",
    configure: {
      tenant_id: subscription.tenant_id!,
      parent_tenant_id: subscription.parent_tenant_id ?? offer.parent_tenant_id ?? (await acronis.getRootTenantId()),
      tenant_kind: subscription.tenant_kind,
      services,
      editions,
      keep_editions: [...new Set(keep)],
      log: { subscription_id: subscription.id, attempt: subscription.attempts, step: "switch-licensing-model" },
    },
  }
}

export const prepareSubscriptionChangeStepId = "prepare-subscription-change"

/**
 * Under the subscription's lock: decides what the request changes (`planTermChange`) — refused with the
 * reason when the subscription's status or offer does not allow it, a no-op when the terms already are
 * what is asked — and what Acronis must do now. Reads only; nothing to compensate.
 */
export const prepareSubscriptionChangeStep = createStep(
  prepareSubscriptionChangeStepId,
  async (input: SubscriptionChangeInput, { container }) => {
    const context = await loadTermChangeContext(container, input.subscription_id)
    const plan = await planSubscriptionChange(container, context, input, new Date())
    return new StepResponse<PreparedSubscriptionChange>({
      subscription_id: context.subscription.id,
      tenant_id: context.subscription.tenant_id ?? "",
      attempt: context.subscription.attempts,
      plan,
      acronis: await termChangeAction(container, context, plan),
    })
  }
)
