/**
 * A subscription's term history (`acronis/domain/term-history.ts`) as a statement reads it: the first terms,
 * then one segment per change, as known at the end of the month billed — a change asked for later cannot
 * be on that month's statement, even when the statement is computed again afterwards.
 */
import { PRODUCT_SETTINGS } from "../../acronis/domain/licensing"
import { cycleOf, foldTerms, liveChanges, type SubscriptionTerms, type TermsHistory } from "../../acronis/domain/term-history"
import { periodBounds, type Period } from "./period"
import type { OfferTerms, TermSegment } from "./statement-parts"

export type StatementTerms = {
  /** The first terms' editions (null: bill every item). */
  editions: string[] | null
  /** How lines name the first terms. */
  label: string
  changes: TermSegment[]
}

type Offers = Record<string, OfferTerms>

const modelLabel = (setting: keyof typeof PRODUCT_SETTINGS, model: string | null) =>
  model ? ((PRODUCT_SETTINGS[setting].options as Record<string, { label: string }>)[model]?.label ?? model).toLowerCase() : null

/** "tier 3", "15 seats, yearly", "Protection per workload, File Sync & Share per user". */
export function termsLabel(type: OfferTerms["type"], terms: SubscriptionTerms, offer: OfferTerms | undefined): string {
  if (type === "contract") return terms.contract_tier === null ? "" : `tier ${terms.contract_tier}`
  if (type === "plan") {
    const seats = terms.seats ?? offer?.plan?.included_seats
    return [seats !== null && seats !== undefined ? `${seats} seats` : null, cycleOf(terms) === "year" ? "yearly" : "monthly"].filter(Boolean).join(", ")
  }
  const protection = modelLabel("protection_licensing_model", terms.protection_licensing_model)
  const fileSync = modelLabel("file_sync_share_licensing_model", terms.file_sync_share_licensing_model)
  return [protection && `Protection ${protection}`, fileSync && `File Sync & Share ${fileSync}`].filter(Boolean).join(", ")
}

const minimumIn = (terms: SubscriptionTerms, currency: string) =>
  terms.commitment_minimum?.currency_code?.toLowerCase() === currency ? terms.commitment_minimum.amount : null

/** The offer ids a history bills on: the first one and every tier changed to. */
export function offerIdsOf(history: TermsHistory): string[] {
  return [...new Set([history.initial.offer_id, ...history.changes.flatMap((c) => (c.set.offer_id ? [c.set.offer_id] : []))])]
}

/** The first terms' fields a statement needs besides the offer. */
export function firstTermsOf(history: TermsHistory, currency: string) {
  return { billing_cycle: cycleOf(history.initial), commitment_minimum: minimumIn(history.initial, currency) }
}

export function statementTermsOf(history: TermsHistory, period: Period, offers: Offers, currency: string): StatementTerms {
  const type = offers[history.initial.offer_id]?.type ?? "ppu"
  const live = liveChanges(history, periodBounds(period).end)
  // Editions matter once a licensing model changed: each part bills its own edition's items.
  const byEdition = live.some((c) => c.type === "licensing_model")
  const changes = live.map((change, index): TermSegment => {
    const terms = foldTerms(history.initial, live.slice(0, index + 1))
    const offer = offers[terms.offer_id]
    return {
      from: change.effective_on,
      start: change.timing,
      offer,
      billing_cycle: cycleOf(terms),
      fee_anchor: terms.fee_anchor,
      commitment_minimum: minimumIn(terms, currency),
      seats: terms.seats,
      editions: byEdition ? terms.editions : null,
      label: termsLabel(type, terms, offer),
    }
  })
  return {
    editions: byEdition ? history.initial.editions : null,
    label: termsLabel(type, history.initial, offers[history.initial.offer_id]),
    changes,
  }
}
