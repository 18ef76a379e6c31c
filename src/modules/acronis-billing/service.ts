import { MedusaService } from "@medusajs/framework/utils"
import {
  AcronisBillingAccount,
  AcronisStatement,
  AcronisStatementLine,
  AcronisUsageReport,
  AcronisUsageSnapshot,
} from "./models"

export type BillingOrderMode = "order" | "draft_order"

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

  /** How a statement is billed: a draft order for manual collection (default) or an order with a payment collection. */
  async getBillingOrderMode(): Promise<BillingOrderMode> {
    return this.orderMode_
  }
}
