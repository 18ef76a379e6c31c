import type { StatementIssuedPayload } from "../../events"
import { formatDate, formatMoney } from "../format"
import { html } from "../html"
import { EmailBlock, EmailContext, EmailMessage, action, compose, greeting, paragraph } from "../layout"

function statementLines(data: StatementIssuedPayload): EmailBlock {
  const money = (amount: number) => formatMoney(amount, data.currency_code)
  const label = (line: StatementIssuedPayload["lines"][number]) =>
    line.quantity ? `${line.description} (${line.quantity})` : line.description
  return {
    html: html`<table style="width:100%;border-collapse:collapse">${data.lines.map(
      (line) =>
        html`<tr><td style="padding:4px 0">${label(line)}</td><td style="padding:4px 0;text-align:right">${money(line.amount)}</td></tr>`
    )}<tr><td style="padding:8px 0;border-top:1px solid #d0d7de"><strong>Total</strong></td><td style="padding:8px 0;border-top:1px solid #d0d7de;text-align:right"><strong>${money(data.total)}</strong></td></tr></table>`,
    text: [...data.lines.map((line) => `- ${label(line)}: ${money(line.amount)}`), `Total: ${money(data.total)}`].join("\n"),
  }
}

/** To the billing contact: the month's usage and what it costs. */
export function monthlyStatement(data: StatementIssuedPayload, context: EmailContext): EmailMessage {
  const period = `${formatDate(data.period_start)} – ${formatDate(data.period_end)}`
  const blocks: EmailBlock[] = [
    greeting(data.customer_name),
    paragraph(`Here is your statement for the Acronis services you used from ${period}.`),
    statementLines(data),
  ]
  if (data.statement_url) {
    blocks.push(action("View the statement", data.statement_url))
  }
  return compose(context, `Your statement for ${period}`, blocks)
}
