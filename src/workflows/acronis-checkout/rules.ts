import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { CONTRACT_CURRENCIES, PRODUCT_SETTINGS } from "../../modules/acronis/domain/licensing"
import { type AcronisLine, readSettings } from "./acronis-lines"
import { type AcronisBuyer, consumerOf } from "./buyer"
import { findOpenPayPerUse } from "./consumer-history"

/**
 * The ordering rules of seeds 001 and 002, each one function that throws a 400 saying why and what to do.
 * Called by the add-to-cart, update-line-item and complete-cart hooks.
 */

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Acronis services are ordered one per line item: one line, one subscription. */
export function assertQuantityOne(line: Pick<AcronisLine, "title" | "quantity">) {
  if (line.quantity !== 1) {
    throw invalid(
      `"${line.title}" is an Acronis service and is ordered with quantity 1 (one subscription per order line); ` +
        `you asked for ${line.quantity}. Usage is billed by Acronis consumption, not by quantity.`
    )
  }
}

/** A pay-per-use item carries both licensing models, each one the offer allows. */
export function assertSettings(line: Pick<AcronisLine, "title" | "metadata" | "offer">) {
  if (line.offer.type !== "ppu") {
    return
  }
  const settings = readSettings(line.metadata) ?? {}
  const allowed = {
    protection_licensing_model: line.offer.protection_models,
    file_sync_share_licensing_model: line.offer.file_sync_share_models,
  }
  for (const key of ["protection_licensing_model", "file_sync_share_licensing_model"] as const) {
    const value = settings[key]
    const label = PRODUCT_SETTINGS[key].label
    if (value === undefined || value === null || value === "") {
      throw invalid(
        `Choose the ${label} for "${line.title}": set metadata.acronis.${key} to one of ${allowed[key].join(", ")}.`
      )
    }
    if (!allowed[key].includes(value)) {
      throw invalid(
        `The ${label} "${value}" is not offered for "${line.title}"; choose one of ${allowed[key].join(", ")} ` +
          `(metadata.acronis.${key}).`
      )
    }
  }
}

/**
 * A plan's line may name the interval it is billed by (`metadata.acronis.billing_interval`); it must be one the
 * plan is sold by. Checked in the basket and at completion, so a paid order never fails on it in provisioning.
 */
export function assertBillingInterval(line: Pick<AcronisLine, "title" | "metadata" | "offer">) {
  if (line.offer.type !== "plan") {
    return
  }
  const interval = (line.metadata?.acronis as { billing_interval?: unknown } | undefined)?.billing_interval
  const allowed: string[] = line.offer.plan?.billing_intervals?.length ? line.offer.plan.billing_intervals : ["month"]
  if (interval !== undefined && (typeof interval !== "string" || !allowed.includes(interval))) {
    throw invalid(
      `billing_interval: "${line.title}" is sold by ${allowed.join(" or ")}, not ${JSON.stringify(interval)} ` +
        `(metadata.acronis.billing_interval).`
    )
  }
}

/** One pay-per-use subscription per consumer, so one pay-per-use item per cart. */
export function assertOnePayPerUseLine(lines: AcronisLine[]) {
  const payPerUse = lines.filter((line) => line.offer.type === "ppu")
  if (payPerUse.length > 1) {
    throw notAllowed(
      `A customer has at most one pay-per-use Acronis subscription, and this basket holds ${payPerUse.length} ` +
        `pay-per-use items (${payPerUse.map((line) => `"${line.title}"`).join(", ")}). Keep one of them.`
    )
  }
}

/**
 * Who may buy what: contracts only by resellers for their own use, in a contract currency; pay per use by a
 * direct customer, or by a reseller for one of its active sub-accounts. Skipped while the cart has no
 * customer (a guest basket); completion requires one.
 */
export function assertBuyerMayOrder(lines: AcronisLine[], buyer: AcronisBuyer, currencyCode: string) {
  if (!buyer.customer_id || !lines.length) {
    return
  }
  const { reseller, sub_account_id: subAccountId, sub_account: subAccount } = buyer
  if (reseller && reseller.status !== "active") {
    throw notAllowed(`Reseller "${reseller.name}" is disabled and cannot order Acronis services; contact the shop.`)
  }
  if (subAccountId) {
    if (!reseller) {
      throw notAllowed(
        "Only resellers order for a sub-account: remove metadata.acronis_sub_account_id from the cart to order for yourself."
      )
    }
    if (!subAccount || subAccount.reseller_id !== reseller.id) {
      throw notAllowed(
        `Sub-account ${subAccountId} is not one of reseller "${reseller.name}"'s sub-accounts; ` +
          "set metadata.acronis_sub_account_id to one of yours (GET /store/acronis/sub-accounts)."
      )
    }
  }
  for (const line of lines) {
    if (line.offer.type === "contract") {
      if (!reseller) {
        throw notAllowed(
          `"${line.title}" is an Acronis CSP contract: contracts are sold only to resellers, for their own use. ` +
            "Sign in with a reseller's account, or choose a pay-per-use product."
        )
      }
      if (subAccountId) {
        throw notAllowed(
          `"${line.title}" is an Acronis CSP contract, for the reseller's own use only: remove ` +
            "metadata.acronis_sub_account_id from the cart (sub-accounts get pay-per-use products)."
        )
      }
      if (!(CONTRACT_CURRENCIES as readonly string[]).includes(currencyCode.toLowerCase())) {
        throw notAllowed(
          `Acronis CSP contracts are billed only in ${CONTRACT_CURRENCIES.map((c) => c.toUpperCase()).join(", ")}; ` +
            `this cart is in ${currencyCode.toUpperCase()}. Choose a region that uses one of these currencies.`
        )
      }
    }
    if (line.offer.type === "ppu" && reseller && !subAccountId) {
      throw notAllowed(
        `A reseller orders "${line.title}" (pay per use) for one of its sub-accounts: set ` +
          "metadata.acronis_sub_account_id on the cart (POST /store/carts/:id) to an active sub-account's id first."
      )
    }
    if (line.offer.type === "ppu" && subAccount && subAccount.status !== "active") {
      throw notAllowed(
        `Sub-account "${subAccount.name}" is ${subAccount.status}; pay per use can be ordered for it once it is active.`
      )
    }
  }
}

/** A consumer with an active or pending pay-per-use subscription cannot order a second one. */
export async function assertNoOpenPayPerUse(container: MedusaContainer, lines: AcronisLine[], buyer: AcronisBuyer) {
  const consumer = consumerOf(buyer)
  if (!consumer || !lines.some((line) => line.offer.type === "ppu")) {
    return
  }
  const existing = await findOpenPayPerUse(container, consumer)
  if (!existing) {
    return
  }
  const who = consumer.kind === "sub_account" ? `Sub-account "${consumer.name}" already has` : "You already have"
  const which =
    existing.kind === "subscription"
      ? `subscription ${existing.id} (${existing.status})`
      : `order ${existing.display_id !== null ? `#${existing.display_id} ` : ""}(${existing.id}), not provisioned yet`
  throw notAllowed(
    `${who} a pay-per-use Acronis subscription: ${which}. Only one active or pending pay-per-use subscription is ` +
      "allowed; manage your services there instead of ordering another."
  )
}
