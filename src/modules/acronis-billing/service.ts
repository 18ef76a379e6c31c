import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import {
  AcronisBillingAccount,
  AcronisStatement,
  AcronisStatementLine,
  AcronisUsageReport,
  AcronisUsageSnapshot,
} from "./models"

export type BillingOrderMode = "order" | "draft_order"

/**
 * How long a close run's claim on a statement holds when the run never clears it (its process died): long
 * enough that no live run is still between its claim and its last write (seconds), short enough that the
 * hourly close finishes the month within the next runs.
 */
export const STATEMENT_CLAIM_MINUTES = 30

type SqlManager = { execute(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> }

type ModuleOptions = { billingOrderMode?: BillingOrderMode }

/**
 * Usage snapshots, statements and their lines, per-subscription sync state and the monthly Acronis reports.
 * Receives the plugin's options (validated by the `acronis` module's loader, which owns the schema).
 */
export default class AcronisBillingModuleService extends MedusaService({
  AcronisUsageSnapshot,
  AcronisStatement,
  AcronisStatementLine,
  AcronisBillingAccount,
  AcronisUsageReport,
}) {
  protected readonly orderMode_: BillingOrderMode

  constructor(container: Record<string, unknown>, options?: ModuleOptions) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.orderMode_ = options?.billingOrderMode ?? "draft_order"
  }

  /**
   * Takes the statement for the close run `token` if it is in one of `statuses`, has no order yet, and no
   * other run holds it (or that run's claim is older than STATEMENT_CLAIM_MINUTES). One conditional UPDATE,
   * so of two processes closing the same month at once the database lets exactly one through, whatever
   * their locks did. Times are the database's, so the processes' clocks do not matter.
   */
  @InjectTransactionManager()
  async claimStatement(
    id: string,
    token: string,
    statuses: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const rows = await (sharedContext.transactionManager as SqlManager).execute(
      `update "acronis_statement" set "claim_token" = ?, "claimed_at" = now()
        where "id" = ? and "deleted_at" is null and "status" = any(string_to_array(?, ',')) and "order_id" is null and "draft_order_id" is null
          and ("claim_token" is null or "claim_token" = ?
               or coalesce("claimed_at", "updated_at") < now() - make_interval(mins => ?))
        returning "id"`,
      [token, id, statuses.join(","), token, STATEMENT_CLAIM_MINUTES]
    )
    return rows.length === 1
  }

  /**
   * `claimStatement` for making the issued statement's order. `order_may_exist` tells whether a run claimed
   * it for that before (and may have made the order, then stopped before recording it).
   */
  @InjectTransactionManager()
  async claimStatementBilling(
    id: string,
    token: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ won: boolean; order_may_exist: boolean }> {
    const rows = await (sharedContext.transactionManager as SqlManager).execute(
      `with "before" as (select "id", "order_attempted_at" from "acronis_statement" where "id" = ? for update)
       update "acronis_statement" s set "claim_token" = ?, "claimed_at" = now(), "order_attempted_at" = coalesce(s."order_attempted_at", now())
         from "before"
        where s."id" = "before"."id" and s."deleted_at" is null and s."status" = 'issued' and s."order_id" is null and s."draft_order_id" is null
          and (s."claim_token" is null or s."claim_token" = ? or coalesce(s."claimed_at", s."updated_at") < now() - make_interval(mins => ?))
        returning "before"."order_attempted_at" as "attempted_before"`,
      [id, token, token, STATEMENT_CLAIM_MINUTES]
    )
    return { won: rows.length === 1, order_may_exist: rows.length === 1 && rows[0].attempted_before !== null }
  }

  /** Gives up the run's claim on the statement; a claim another run took since is left alone. */
  @InjectTransactionManager()
  async releaseStatementClaim(id: string, token: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await (sharedContext.transactionManager as SqlManager).execute(
      `update "acronis_statement" set "claim_token" = null, "claimed_at" = null where "id" = ? and "claim_token" = ?`,
      [id, token]
    )
  }

  /** How a statement is billed: a draft order for manual collection (default) or an order with a payment collection. */
  async getBillingOrderMode(): Promise<BillingOrderMode> {
    return this.orderMode_
  }
}
