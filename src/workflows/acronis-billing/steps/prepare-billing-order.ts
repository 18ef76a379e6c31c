import { StepResponse, createStep } from "@medusajs/framework/workflows-sdk"
import type { CreateOrderDTO } from "@medusajs/framework/types"
import { ACRONIS_BILLING_MODULE } from "../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../modules/acronis-billing/service"
import type { BillingOrderMode } from "../../../modules/acronis-billing/service"
import type { StatementIssuedPayload } from "../../../modules/acronis/events"
import { statementIssuedPayload } from "../statement-email"
import type { StatementRef } from "./find-statement"
import type { BillingSubject } from "./load-billing-subject"

export type BillingOrderPlan = {
  mode: BillingOrderMode
  amount: number
  order: CreateOrderDTO & Record<string, unknown>
  /** The statement e-mail's data, from the stored lines: sent again (once, by its key) when a run stopped before it. */
  issued: StatementIssuedPayload
}

export const prepareBillingOrderStepId = "prepare-billing-order"

/**
 * The Medusa order a statement becomes, for the subscription's customer in the subscription's currency,
 * region and sales channel: one item per charged line (quantity 1 at the line's amount), or one item for
 * the total when a line takes money off (a free month), as order items cannot be negative.
 */
export const prepareBillingOrderStep = createStep(
  prepareBillingOrderStepId,
  async (
    input: { statement: StatementRef; subject: BillingSubject; mode?: BillingOrderMode },
    { container }
  ) => {
    const billing = container.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
    const mode = input.mode ?? (await billing.getBillingOrderMode())
    const { statement, subject } = input
    const lines = await billing.listAcronisStatementLines({ statement_id: statement.id }, { order: { position: "ASC" }, take: null })
    const metadata = { acronis_statement_id: statement.id, acronis_subscription_id: statement.subscription_id, acronis_period: statement.period }
    const charged = lines.filter((l) => Number(l.amount) !== 0)
    const items = charged.some((l) => l.amount.startsWith("-"))
      ? [{ title: `${subject.subscription.service_name} — statement ${statement.period}`, quantity: 1, unit_price: Number(statement.total), metadata }]
      : charged.map((l) => ({
          title: l.description,
          subtitle: `${l.quantity} ${l.unit} × ${l.unit_price}`,
          quantity: 1,
          unit_price: Number(l.amount),
          metadata: { ...metadata, kind: l.kind, offering_item: l.offering_item },
        }))
    const order = {
      region_id: subject.order.region_id ?? undefined,
      sales_channel_id: subject.order.sales_channel_id ?? undefined,
      customer_id: subject.order.customer_id ?? subject.subscription.customer_id ?? undefined,
      email: subject.order.email ?? subject.subscription.email,
      currency_code: statement.currency_code,
      status: mode === "draft_order" ? "draft" : "pending",
      is_draft_order: mode === "draft_order",
      items: items.map((i) => ({ ...i, requires_shipping: false, is_tax_inclusive: true })),
      metadata,
    }
    const issued = statementIssuedPayload(statement, lines, subject)
    return new StepResponse<BillingOrderPlan>({ mode, amount: Number(statement.total), order: order as BillingOrderPlan["order"], issued })
  }
)
