/**
 * A live subscription's terms over time: what it was bought on, and every change since, each with the day
 * it takes effect. Billing reads the history to bill each part of a month on the terms of its days; the
 * columns of the subscription (offer, licensing models, editions, billing cycle, commitment) always say the
 * terms in force today. Pure: loading and writing are the workflows'.
 *
 * When a change takes effect — the rules a billing engineer would expect, written once:
 * - **at once** (`immediate`, effective the day it is asked for): a licensing model switch, a contract tier
 *   upgrade, more seats. Whatever the customer gains, they gain now, and pay from today;
 * - **from the next fee period** (`scheduled`): a contract tier downgrade (the next 1st), fewer seats and a
 *   billing interval change (the next 1st on a monthly cycle; on a yearly one, the next anniversary). What was
 *   paid for runs its course. A fee period starts when its fee is billed in advance, on the statement of the
 *   month before it, so a change is scheduled for the first fee period whose statement is still open: on a
 *   yearly plan asked for in the anniversary's own month, the anniversary after.
 *
 * A new request replaces the pending (scheduled, not yet in effect) changes of its type — the latest word
 * wins — unless one of them is already billed in advance; asking for what the terms already are (a double
 * click) changes nothing.
 */
import { MedusaError } from "@medusajs/framework/utils"
import { addMonths, nextPeriod, periodBounds, periodOf, utcDay } from "../../acronis-billing/domain/period"
import { type EditionMapping, type FileSyncShareModel, type ProtectionModel } from "./licensing"
import { editionsForSubscription } from "./tenant-offering"

export const TERM_CHANGE_TYPES = ["licensing_model", "contract_tier", "seats", "billing_interval"] as const
export type TermChangeType = (typeof TERM_CHANGE_TYPES)[number]

/** What a subscription is provisioned and billed on, on one day. */
export type SubscriptionTerms = {
  offer_id: string
  /** Contracts: the offer's tier, and its minimum in the subscription's currency. */
  contract_tier: number | null
  commitment_minimum: { currency_code: string; amount: number } | null
  protection_licensing_model: string | null
  file_sync_share_licensing_model: string | null
  /** The tenant's editions, one per service. */
  editions: string[] | null
  /** Plans: the user accounts paid for; null = the offer's `included_seats`. */
  seats: number | null
  /** `calendar_month` (pay per use, contracts), `month` or `year` (plans). */
  billing_cycle: string | null
  /** Plan years count from this day: the activation day, or the day a yearly interval began. */
  fee_anchor: string
}

export type TermChange = {
  id: string
  type: TermChangeType
  timing: "immediate" | "scheduled"
  /** First day of the new terms (UTC). */
  effective_on: string
  requested_at: string
  requested_by: "admin" | "customer"
  /** The terms it sets, and what they were the day before it took effect. */
  set: Partial<SubscriptionTerms>
  previous: Partial<SubscriptionTerms>
  /** When Acronis and the subscription's columns were brought to the new terms; null while it waits. */
  applied_at: string | null
  /** A later request of its type replaced it before it took effect. */
  cancelled_at: string | null
}

export type TermsHistory = { initial: SubscriptionTerms; changes: TermChange[] }

export type TermChangeRequest =
  | { type: "licensing_model"; protection_licensing_model?: ProtectionModel; file_sync_share_licensing_model?: FileSyncShareModel }
  | { type: "contract_tier"; offer_id: string }
  | { type: "seats"; seats: number }
  | { type: "billing_interval"; interval: "month" | "year" }

/** The offer fields the rules read (json columns as the module returns them). */
export type OfferForTerms = {
  id: string
  type: "ppu" | "contract" | "plan"
  unit_prices?: unknown
  pricing_mode?: string | null
  parent_tenant_id?: string | null
  datacenter_url?: string | null
  protection_models?: string[] | null
  file_sync_share_models?: string[] | null
  offering_items?: unknown
  contract_tier?: number | null
  commitments?: unknown
  plan?: unknown
}

type PlanTerms = { billing_intervals?: string[]; included_seats?: number | null }
const planTermsOf = (offer: OfferForTerms) => (offer.plan ?? null) as PlanTerms | null
const commitmentsOf = (offer: OfferForTerms) => (offer.commitments ?? null) as Record<string, number> | null
const forEditions = (offer: OfferForTerms) => ({ ...offer, offering_items: (offer.offering_items ?? []) as { name: string; edition: string | null }[] })

type SubscriptionRow = {
  id: string
  type: "ppu" | "contract" | "plan"
  status: string
  offer_id: string
  activated_at?: Date | string | null
  protection_licensing_model?: string | null
  file_sync_share_licensing_model?: string | null
  editions?: string[] | null
  billing_cycle?: string | null
  commitment?: unknown
  terms_history?: unknown
}

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/** A plan's cycle: "calendar_month" (and no cycle) bill by the month. */
export const cycleOf = (terms: Pick<SubscriptionTerms, "billing_cycle">): "month" | "year" => (terms.billing_cycle === "year" ? "year" : "month")

/**
 * The terms the subscription's columns say, for one that never changed. Provisioning stores the editions; a row
 * without them (never provisioned) names those of `mapping`, the merchant's when the caller has it.
 */
export function initialTermsOf(subscription: SubscriptionRow, offer: OfferForTerms, mapping: EditionMapping): SubscriptionTerms {
  const commitment = subscription.commitment as { tier?: number; minimum?: { currency_code: string; amount: number } | null } | null
  const models = {
    protection_licensing_model: (subscription.protection_licensing_model ?? null) as ProtectionModel | null,
    file_sync_share_licensing_model: (subscription.file_sync_share_licensing_model ?? null) as FileSyncShareModel | null,
  }
  const derived = editionsForSubscription(forEditions(offer), models, mapping)
  return {
    offer_id: subscription.offer_id,
    contract_tier: offer.type === "contract" ? (commitment?.tier ?? offer.contract_tier ?? null) : null,
    commitment_minimum: commitment?.minimum ?? null,
    ...models,
    editions: subscription.editions?.length ? subscription.editions : subscription.type === "ppu" ? [...derived.protection, ...derived.file_sync_share] : null,
    seats: null,
    billing_cycle: subscription.billing_cycle ?? null,
    fee_anchor: subscription.activated_at ? utcDay(new Date(subscription.activated_at)) : "1970-01-01",
  }
}

export function historyOf(subscription: SubscriptionRow, offer: OfferForTerms, mapping: EditionMapping): TermsHistory {
  const stored = subscription.terms_history as TermsHistory | null | undefined
  return stored?.initial ? stored : { initial: initialTermsOf(subscription, offer, mapping), changes: [] }
}

const dayOf = (iso: string) => iso.slice(0, 10)

/**
 * The changes in effect or waiting, in the order they take effect; `knownBy` (a day) keeps only what was
 * asked for by then — what a statement of a month ending that day knew.
 */
export function liveChanges(history: TermsHistory, knownBy?: string): TermChange[] {
  return history.changes
    .filter((c) => (knownBy ? dayOf(c.requested_at) <= knownBy && !(c.cancelled_at && dayOf(c.cancelled_at) <= knownBy) : !c.cancelled_at))
    .sort((a, b) => a.effective_on.localeCompare(b.effective_on) || a.requested_at.localeCompare(b.requested_at))
}

/** The terms after folding `changes` (in order) over the initial ones. */
export function foldTerms(initial: SubscriptionTerms, changes: TermChange[]): SubscriptionTerms {
  return changes.reduce<SubscriptionTerms>((terms, change) => ({ ...terms, ...change.set }), initial)
}

/** The terms in force on `day`. */
export function termsOn(history: TermsHistory, day: string): SubscriptionTerms {
  return foldTerms(history.initial, liveChanges(history).filter((c) => c.effective_on <= day))
}

/** The terms once every waiting change has taken effect. */
export const latestTerms = (history: TermsHistory) => foldTerms(history.initial, liveChanges(history))

/** Scheduled changes not applied yet (a change at once is applied before it is recorded). */
const waitingChanges = (history: TermsHistory) => liveChanges(history).filter((c) => c.timing === "scheduled" && !c.applied_at)

/** Scheduled changes whose day has come but that Acronis and the columns do not reflect yet. */
export const dueChanges = (history: TermsHistory, today: string) => waitingChanges(history).filter((c) => c.effective_on <= today)

/** The first day a waiting change takes effect (the scheduled job looks for it), or null. */
export function nextChangeOn(history: TermsHistory): string | null {
  return waitingChanges(history)[0]?.effective_on ?? null
}

/**
 * The first day of the next fee period whose fee is not billed yet: the next 1st on a monthly cycle; on a
 * yearly one, the first anniversary (from `anchor`) in a later month than `today` — one later this month was
 * billed in advance on last month's statement.
 */
export function nextFeePeriodStart(cycle: "month" | "year", anchor: string, today: string): string {
  const nextMonth = periodBounds(nextPeriod(periodOf(today))).start
  if (cycle === "month") return nextMonth
  // Bounded: the anniversary sought is at most a year after next month.
  const years = Number(nextMonth.slice(0, 4)) - Number(anchor.slice(0, 4)) + 1
  for (let year = 1; year < years; year++) {
    if (addMonths(anchor, 12 * year) >= nextMonth) return addMonths(anchor, 12 * year)
  }
  return addMonths(anchor, 12 * Math.max(1, years))
}

/** The terms with a plan's seats said even when they are the offer's included seats. */
const withSeatsShown = (terms: SubscriptionTerms, included: number | null): SubscriptionTerms => ({ ...terms, seats: terms.seats ?? included })

/** The same fields of `terms`, for `previous`. */
function pick(terms: SubscriptionTerms, fields: Partial<SubscriptionTerms>): Partial<SubscriptionTerms> {
  return Object.fromEntries(Object.keys(fields).map((key) => [key, terms[key as keyof SubscriptionTerms]]))
}

/** Whether `terms` already are what a request asks (a billing interval: the cycle, whatever its anchor). */
function already(terms: SubscriptionTerms, type: TermChangeType, set: Partial<SubscriptionTerms>, includedSeats: number | null): boolean {
  if (type === "billing_interval") return cycleOf(terms) === set.billing_cycle
  if (type === "seats") return (terms.seats ?? includedSeats) === set.seats
  if (type === "contract_tier") return terms.offer_id === set.offer_id
  return Object.entries(set).every(([key, value]) => JSON.stringify(terms[key as keyof SubscriptionTerms]) === JSON.stringify(value))
}

export type TermChangeInput = {
  subscription: SubscriptionRow
  history: TermsHistory
  /** The offer of the terms in force today. */
  offer: OfferForTerms
  /** A contract tier change: the offer asked for, or null when it does not exist. */
  target_offer?: OfferForTerms | null
  /** Whether that offer is on sale (a published product): customers may only move to one that is. */
  target_offer_on_sale?: boolean
  currency_code: string
  request: TermChangeRequest
  requested_by: "admin" | "customer"
  /** The merchant's edition mapping: a licensing model switch moves the tenant to the new model's edition. */
  edition_mapping: EditionMapping
  now: Date
  /** The new change's id. */
  id: string
}

export type TermChangePlan = {
  /** `unchanged`: the terms already are what was asked; `cancelled`: only waiting changes were withdrawn. */
  outcome: "changed" | "unchanged" | "cancelled"
  /** The new change; when unchanged, the change that set these terms (null if they are the first ones). */
  change: TermChange | null
  cancelled: string[]
  history: TermsHistory
  /** Terms in force today, before the change. */
  before: SubscriptionTerms
}

type Target = { timing: TermChange["timing"]; effective_on: string; set: Partial<SubscriptionTerms> }
type Request<T extends TermChangeType> = Extract<TermChangeRequest, { type: T }>

function licensingTarget(input: TermChangeInput, request: Request<"licensing_model">, latest: SubscriptionTerms, today: string): Target {
  const { offer } = input
  if (input.subscription.type !== "ppu") throw notAllowed(`${input.subscription.id} is a ${input.subscription.type} subscription: only pay per use has licensing models to switch.`)
  const protection = request.protection_licensing_model ?? latest.protection_licensing_model
  const fileSync = request.file_sync_share_licensing_model ?? latest.file_sync_share_licensing_model
  const refuse = (field: string, allowed: readonly string[] | null | undefined, value: string) =>
    notAllowed(`${field}: this offer sells ${allowed?.length ? allowed.join(" or ") : "no other model"}, not ${value}.`)
  if (request.protection_licensing_model && !offer.protection_models?.includes(request.protection_licensing_model)) {
    throw refuse("protection_licensing_model", offer.protection_models, request.protection_licensing_model)
  }
  if (request.file_sync_share_licensing_model && !offer.file_sync_share_models?.includes(request.file_sync_share_licensing_model)) {
    throw refuse("file_sync_share_licensing_model", offer.file_sync_share_models, request.file_sync_share_licensing_model)
  }
  const editions = editionsForSubscription(
    forEditions(offer),
    {
      protection_licensing_model: (protection ?? null) as ProtectionModel | null,
      file_sync_share_licensing_model: (fileSync ?? null) as FileSyncShareModel | null,
    },
    input.edition_mapping
  )
  return {
    timing: "immediate",
    effective_on: today,
    set: {
      protection_licensing_model: protection ?? null,
      file_sync_share_licensing_model: fileSync ?? null,
      editions: [...editions.protection, ...editions.file_sync_share],
    },
  }
}

function tierTarget(input: TermChangeInput, request: Request<"contract_tier">, current: SubscriptionTerms, today: string): Target {
  const { target_offer: target } = input
  if (input.subscription.type !== "contract") throw notAllowed(`${input.subscription.id} is a ${input.subscription.type} subscription: only contracts have a tier.`)
  if (!target) throw new MedusaError(MedusaError.Types.INVALID_DATA, `offer_id: there is no Acronis offer ${request.offer_id}.`)
  if (target.type !== "contract" || target.contract_tier === null || target.contract_tier === undefined) {
    throw notAllowed(`offer_id: ${target.id} is a ${target.type} offer, not a contract.`)
  }
  const currency = input.currency_code.toLowerCase()
  const minimum = commitmentsOf(target)?.[currency]
  if (minimum === undefined || minimum === null) {
    throw notAllowed(`offer_id: ${target.id} has no minimum commitment in ${currency.toUpperCase()}, the subscription's currency.`)
  }
  if (target.id !== current.offer_id) assertSameContract(input, target, currency)
  const set = { offer_id: target.id, contract_tier: target.contract_tier, commitment_minimum: { currency_code: currency, amount: minimum } }
  if (target.id === current.offer_id) return { timing: "immediate", effective_on: today, set }
  if (target.contract_tier === current.contract_tier) {
    throw notAllowed(`offer_id: ${target.id} is tier ${target.contract_tier}, the tier the contract is on: choose a higher tier (upgrade) or a lower one (downgrade).`)
  }
  const upgrade = target.contract_tier > (current.contract_tier ?? -1)
  return upgrade ? { timing: "immediate", effective_on: today, set } : { timing: "scheduled", effective_on: periodBounds(nextPeriod(periodOf(today))).start, set }
}

/**
 * A tier change moves the contract to another offer, whose prices bill its days: that offer must be the same
 * kind of contract — under the same parent tenant and datacenter, in the same pricing mode (a change never
 * starts or ends a trial), with a price in the subscription's currency for every item the contract prices
 * today (an item without one would be billed at nothing) — and, for a customer, one that is on sale.
 */
function assertSameContract(input: TermChangeInput, target: OfferForTerms, currency: string): void {
  const { offer } = input
  const same = (field: "parent_tenant_id" | "datacenter_url" | "pricing_mode") => (offer[field] ?? null) === (target[field] ?? null)
  for (const field of ["parent_tenant_id", "datacenter_url", "pricing_mode"] as const) {
    if (!same(field)) throw notAllowed(`offer_id: ${target.id} has another ${field} than the contract's offer ${offer.id}.`)
  }
  const prices = (o: OfferForTerms) => (o.unit_prices ?? {}) as Record<string, Record<string, number> | undefined>
  const unpriced = Object.keys(prices(offer)).filter((item) => prices(offer)[item]?.[currency] !== undefined && prices(target)[item]?.[currency] === undefined)
  if (unpriced.length) throw notAllowed(`offer_id: ${target.id} has no ${currency.toUpperCase()} price for ${unpriced.join(", ")}.`)
  if (input.requested_by === "customer" && !input.target_offer_on_sale) {
    throw notAllowed(`offer_id: ${target.id} is not on sale; ask us to move the contract to it.`)
  }
}

function planOf(input: TermChangeInput) {
  if (input.subscription.type !== "plan") throw notAllowed(`${input.subscription.id} is a ${input.subscription.type} subscription: only seat plans have seats and a billing interval.`)
  return planTermsOf(input.offer) ?? {}
}

function seatsTarget(input: TermChangeInput, request: Request<"seats">, current: SubscriptionTerms, today: string): Target {
  const included = planOf(input).included_seats ?? null
  const now = current.seats ?? included
  if (now === null) throw notAllowed(`seats: the plan does not say how many seats it includes (plan.included_seats); set it on the offer first.`)
  const set = { seats: request.seats }
  if (request.seats >= now) return { timing: "immediate", effective_on: today, set }
  return { timing: "scheduled", effective_on: nextFeePeriodStart(cycleOf(current), current.fee_anchor, today), set }
}

function intervalTarget(input: TermChangeInput, request: Request<"billing_interval">, current: SubscriptionTerms, today: string): Target {
  const allowed = planOf(input).billing_intervals?.length ? planOf(input).billing_intervals! : ["month"]
  if (!allowed.includes(request.interval)) throw notAllowed(`interval: this plan is sold by the ${allowed.join(" or the ")} only, not by the ${request.interval}.`)
  const effective = nextFeePeriodStart(cycleOf(current), current.fee_anchor, today)
  return {
    timing: "scheduled",
    effective_on: effective,
    set: { billing_cycle: request.interval, fee_anchor: request.interval === "year" ? effective : current.fee_anchor },
  }
}

/**
 * What a request does to the subscription's terms: refused (`NOT_ALLOWED`, with what to do instead) when the
 * subscription is not active or its offer does not allow it; `unchanged` when the terms (waiting changes
 * included) already are what is asked; otherwise the new change, and the waiting changes of its type it
 * withdraws.
 */
export function planTermChange(input: TermChangeInput): TermChangePlan {
  const { subscription, history, request } = input
  if (subscription.status !== "active") {
    throw notAllowed(`Acronis subscription ${subscription.id} is ${subscription.status}: only an active subscription's terms can change.`)
  }
  const today = utcDay(input.now)
  const current = termsOn(history, today)
  const latest = latestTerms(history)
  const target =
    request.type === "licensing_model"
      ? licensingTarget(input, request, latest, today)
      : request.type === "contract_tier"
        ? tierTarget(input, request, current, today)
        : request.type === "seats"
          ? seatsTarget(input, request, current, today)
          : intervalTarget(input, request, current, today)

  const included = planTermsOf(input.offer)?.included_seats ?? null
  const live = liveChanges(history)
  if (already(latest, request.type, target.set, included)) {
    const setter = [...live].reverse().find((c) => c.type === request.type) ?? null
    return { outcome: "unchanged", change: setter, cancelled: [], history, before: current }
  }
  const waiting = live.filter((c) => c.type === request.type && c.effective_on > today)
  const billed = waiting.find((c) => periodOf(c.effective_on) <= periodOf(today))
  if (billed) {
    throw notAllowed(
      `A change of ${request.type.replace("_", " ")} takes effect on ${billed.effective_on} and its fee was billed in advance already: ask again from that day.`
    )
  }
  const cancelledAt = input.now.toISOString()
  const changes = history.changes.map((c) => (waiting.includes(c) ? { ...c, cancelled_at: cancelledAt } : c))
  const withdrawn = { initial: history.initial, changes }
  const cancelled = waiting.map((c) => c.id)
  if (already(termsOn(withdrawn, target.effective_on), request.type, target.set, included)) {
    return { outcome: "cancelled", change: null, cancelled, history: withdrawn, before: current }
  }
  const change: TermChange = {
    id: input.id,
    type: request.type,
    timing: target.timing,
    effective_on: target.effective_on,
    requested_at: input.now.toISOString(),
    requested_by: input.requested_by,
    set: target.set,
    previous: pick(withSeatsShown(termsOn(withdrawn, target.effective_on), included), target.set),
    applied_at: null,
    cancelled_at: null,
  }
  return { outcome: "changed", change, cancelled, history: { initial: history.initial, changes: [...changes, change] }, before: current }
}

/** The subscription's columns for `terms` (what "today" reads everywhere else). */
export function columnsFor(terms: SubscriptionTerms, commitment: unknown): Record<string, unknown> {
  return {
    offer_id: terms.offer_id,
    protection_licensing_model: terms.protection_licensing_model,
    file_sync_share_licensing_model: terms.file_sync_share_licensing_model,
    editions: terms.editions,
    billing_cycle: terms.billing_cycle,
    ...(terms.contract_tier !== null && {
      commitment: { ...(commitment as Record<string, unknown> | null), tier: terms.contract_tier, minimum: terms.commitment_minimum },
    }),
  }
}


/** "seats 10 → 15, at once (2026-09-16)": for the subscription's log and the API. */
export function describeChange(change: TermChange): string {
  const field = (terms: Partial<SubscriptionTerms>) => {
    if (change.type === "seats") return String(terms.seats)
    if (change.type === "contract_tier") return `tier ${terms.contract_tier ?? "?"}`
    if (change.type === "billing_interval") return terms.billing_cycle === "year" ? "yearly" : "monthly"
    return [terms.protection_licensing_model, terms.file_sync_share_licensing_model].filter(Boolean).join(" + ")
  }
  const when = change.timing === "immediate" ? `at once (${change.effective_on})` : `from ${change.effective_on}`
  return `${change.type.replace("_", " ")} ${field(change.previous)} → ${field(change.set)}, ${when}`
}
