/** One statement of a month as the admin's CSV export sees it: who, what, and its lines. */
export type StatementForCsv = {
  id: string
  period: string
  status: string
  currency_code: string
  total: string
  hold_reason: { code?: string; message?: string } | null
  reconciliation: { status?: string } | null
  order_id: string | null
  draft_order_id: string | null
  customer: { name: string; email: string } | null
  subscription: { id: string; service_name: string }
  lines: { description: string; offering_item: string | null; quantity: string; unit: string; unit_price: string; amount: string }[]
}

export const STATEMENT_CSV_COLUMNS = [
  "period", "statement_id", "status", "customer", "customer_email", "subscription_id", "service",
  "line", "offering_item", "quantity", "unit", "unit_price", "amount", "currency", "statement_total",
  "hold_reason", "reconciliation", "order_id",
] as const

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading =, +, - or @ is
// prefixed with ' so a spreadsheet does not run a customer-typed name as a formula.
export function csvField(value: string | null | undefined): string {
  let text = value ?? ""
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The month as CSV: a row per statement line (a statement without lines gets one row), header first. */
export function statementsCsv(statements: readonly StatementForCsv[]): string {
  const rows: string[][] = [[...STATEMENT_CSV_COLUMNS]]
  for (const s of statements) {
    const common = (line: StatementForCsv["lines"][number] | null) => [
      s.period, s.id, s.status, s.customer?.name ?? "", s.customer?.email ?? "", s.subscription.id, s.subscription.service_name,
      line?.description ?? "", line?.offering_item ?? "", line?.quantity ?? "", line?.unit ?? "", line?.unit_price ?? "", line?.amount ?? "",
      s.currency_code, s.total, s.hold_reason?.message ?? "", s.reconciliation?.status ?? "", s.order_id ?? s.draft_order_id ?? "",
    ]
    if (!s.lines.length) rows.push(common(null))
    for (const line of s.lines) rows.push(common(line))
  }
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n"
}
