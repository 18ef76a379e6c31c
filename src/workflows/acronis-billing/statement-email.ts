import type { StatementIssuedPayload } from "../../modules/acronis/events"
import { periodBounds } from "../../modules/acronis-billing/domain/period"
import type { BillingSubject } from "./steps/load-billing-subject"

type StatementLine = { description: string; quantity: string; unit: string; amount: string }

/** The statement e-mail's data: the month, its lines and its total, to the subscription's billing contact. */
export function statementIssuedPayload(
  statement: { id: string; period: string; currency_code: string; total: string },
  lines: StatementLine[],
  subject: Pick<BillingSubject, "order" | "subscription">
): StatementIssuedPayload {
  const { start, end } = periodBounds(statement.period)
  return {
    id: statement.id,
    email: subject.order.email ?? subject.subscription.email,
    period_start: start,
    period_end: end,
    currency_code: statement.currency_code,
    lines: lines.map((l) => ({ description: l.description, quantity: `${l.quantity} ${l.unit}`, amount: Number(l.amount) })),
    total: Number(statement.total),
  }
}
