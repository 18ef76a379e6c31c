import { model } from "@medusajs/framework/utils"
import { STATEMENT_STATUSES } from "../domain/statement-status"
import { AcronisStatementLine } from "./statement-line"

/**
 * A subscription's bill for one calendar month (UTC). One per (subscription, period): closing the month again
 * finds it and changes nothing. `on_hold` while its usage or Acronis's report is missing (retried by every
 * close run); `issued` once final; `billed` once its Medusa order (or draft order) exists.
 * Amounts are decimal strings in major units, exact.
 */
export const AcronisStatement = model
  .define("acronis_statement", {
    id: model.id({ prefix: "acstmt" }).primaryKey(),
    subscription_id: model.text().index(),
    customer_id: model.text().nullable(),
    /** YYYY-MM */
    period: model.text(),
    currency_code: model.text(),
    status: model.enum([...STATEMENT_STATUSES]).default("draft"),
    /** Why an `on_hold` statement is not issued yet: `{ code, message, at }` (see `domain/statement-status.ts`). */
    hold_reason: model.json().nullable(),
    total: model.text(),
    /** Set when billed as an order with a payment collection. */
    order_id: model.text().nullable(),
    /** Set when billed as a draft order for manual collection. */
    draft_order_id: model.text().nullable(),
    /** `{ status: matched|mismatch|unavailable, compared, details: [{ offering_item, infra_id, ours, acronis }], report_id }` */
    reconciliation: model.json().nullable(),
    issued_at: model.dateTime().nullable(),
    /**
     * The close run writing or billing the statement now (a random token), and since when by the database's
     * clock: only the run that set it may write the statement or make its order (see the service's
     * `claimStatement`). Cleared when the run is done.
     */
    claim_token: model.text().nullable(),
    claimed_at: model.dateTime().nullable(),
    /**
     * When a run first claimed the statement to make its order. Until then no order of it can exist, so the
     * close does not search Medusa's orders for one (a search by metadata reads every order).
     */
    order_attempted_at: model.dateTime().nullable(),
    lines: model.hasMany(() => AcronisStatementLine, { mappedBy: "statement" }),
  })
  .indexes([{ on: ["subscription_id", "period"], unique: true }])
  .cascades({ delete: ["lines"] })
