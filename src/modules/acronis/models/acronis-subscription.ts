import { model } from "@medusajs/framework/utils"
import { SUBSCRIPTION_STATUSES } from "../domain/subscription-status"
import { AcronisProvisioningLog } from "./acronis-provisioning-log"

/**
 * One Acronis service bought on one order line: the Acronis tenant it lives in, its admin user, its licensing
 * models and billing terms, and where provisioning stands. One per order line item (`line_item_id` is
 * unique), which is what makes provisioning happen once however often `order.placed` arrives.
 * Linked to the order and the customer. Status transitions: `domain/subscription-status.ts`.
 */
export const AcronisSubscription = model
  .define("acronis_subscription", {
    id: model.id({ prefix: "acsub" }).primaryKey(),
    type: model.enum(["ppu", "contract", "plan"]),
    status: model.enum([...SUBSCRIPTION_STATUSES]).default("pending"),
    /** `automatic` for storefront orders; `manual` for staff orders, which wait to be executed. */
    execution: model.enum(["automatic", "manual"]).default("automatic"),
    customer_id: model.text().nullable(),
    /** Set when a reseller ordered for one of its sub-accounts. */
    sub_account_id: model.text().nullable(),
    /** The reseller whose partner tenant is the parent (sub-accounts) or the tenant itself (contracts). */
    reseller_id: model.text().nullable(),
    order_id: model.text().index(),
    line_item_id: model.text().unique(),
    offer_id: model.text(),
    /** What was bought, as the order line reads ("Acronis Cyber Protect Cloud"). */
    service_name: model.text(),
    tenant_kind: model.enum(["customer", "partner"]),
    /** Stored the moment the tenant is known, before anything else is done in it. */
    tenant_id: model.text().nullable(),
    parent_tenant_id: model.text().nullable(),
    user_id: model.text().nullable(),
    login: model.text(),
    email: model.text(),
    protection_licensing_model: model.text().nullable(),
    file_sync_share_licensing_model: model.text().nullable(),
    /** The Acronis editions enabled, one per service for customers. */
    editions: model.array().nullable(),
    /** `calendar_month` for pay per use and contracts. */
    billing_cycle: model.text().nullable(),
    /** Contracts: `{ tier, minimum: { currency_code, amount } | null, tier_level_value, tier_applied, tier_note }` (`tier_level_value`: what Acronis records). */
    commitment: model.json().nullable(),
    pricing_mode: model.enum(["trial", "production"]).nullable(),
    /** "Manage your service": the Acronis portal's sign-in page. */
    manage_url: model.text().nullable(),
    /** The error that stopped the last run: `{ step, message, http_status, code, kind }`. */
    last_error: model.json().nullable(),
    /** Provisioning runs so far; a claim moves it on by one, only if it is still what the claimer read. */
    attempts: model.number().default(0),
    /** Written every few seconds by the process running provisioning: a run that stops beating has died. */
    heartbeat_at: model.dateTime().nullable(),
    activated_at: model.dateTime().nullable(),
    /** The days its service ran, as `[{ from, to }]` (UTC days, `to: null` while running): what billing may bill. */
    service_spans: model.json().nullable(),
    suspended_at: model.dateTime().nullable(),
    /** When the suspended tenant is deleted unless the subscription is resumed first. */
    terminate_after: model.dateTime().nullable(),
    /** When the customer was warned that the tenant and its data will be deleted. */
    deletion_warned_at: model.dateTime().nullable(),
    terminated_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    /**
     * Changes of its terms since it was bought (licensing model, tier, seats, billing interval), each with the
     * day it takes effect: `{ initial, changes }` (`domain/term-history.ts`). Null while it never changed.
     */
    terms_history: model.json().nullable(),
    /** The first day a scheduled change waits to take effect in Acronis (the term-changes job looks for it). */
    next_change_on: model.text().index().nullable(),
    provisioning_logs: model.hasMany(() => AcronisProvisioningLog, { mappedBy: "subscription" }),
    metadata: model.json().nullable(),
  })
  .cascades({ delete: ["provisioning_logs"] })
