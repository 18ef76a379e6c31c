import { Badge, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { formatMoney, STATEMENT_STATUS_LABELS, type Statement } from "../../../../lib/acronis-subscriptions"
import { formatAcronisFigure, formatLineDescription, formatLineQuantity } from "../../../../../lib/display/billed-line-display"
import { offeringItemLabel } from "../../../../../lib/display/offering-item-labels"

const STATEMENT_COLORS: Record<Statement["status"], "green" | "orange" | "blue" | "grey"> = {
  draft: "grey",
  on_hold: "orange",
  issued: "blue",
  billed: "green",
}

const ReconciliationBadge = ({ reconciliation }: { reconciliation: Statement["reconciliation"] }) => {
  if (!reconciliation) return <Badge size="2xsmall">Not reconciled yet</Badge>
  if (reconciliation.status === "matched") return <Badge size="2xsmall" color="green">Matches Acronis</Badge>
  if (reconciliation.status === "mismatch") return <Badge size="2xsmall" color="red">Differs from Acronis</Badge>
  return <Badge size="2xsmall" color="orange">Acronis report unavailable</Badge>
}

/** The subscription's monthly statements, newest first: lines, total, reconciliation with Acronis, and the order. */
export const StatementsSection = ({ statements }: { statements: Statement[] }) => (
  <Container className="divide-y p-0">
    <div className="px-6 py-4">
      <Heading level="h2">Statements</Heading>
    </div>
    {statements.length === 0 && (
      <Text size="small" className="text-ui-fg-subtle px-6 py-4">
        No month has been closed for this subscription yet.
      </Text>
    )}
    {statements.map((statement) => {
      const orderId = statement.order_id ?? statement.draft_order_id
      return (
        <div key={statement.id} className="flex flex-col gap-y-2 px-6 py-4">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-x-2">
              <Text size="small" weight="plus">
                {new Date(`${statement.period}-01T00:00:00Z`).toLocaleString(undefined, { month: "long", year: "numeric", timeZone: "UTC" })}
              </Text>
              <StatusBadge color={STATEMENT_COLORS[statement.status]}>{STATEMENT_STATUS_LABELS[statement.status]}</StatusBadge>
              <ReconciliationBadge reconciliation={statement.reconciliation} />
            </div>
            <div className="flex items-center gap-x-3">
              {orderId ? (
                <Link to={statement.order_id ? `/orders/${orderId}` : `/draft-orders/${orderId}`} className="text-ui-fg-interactive txt-compact-small">
                  {statement.order_id ? "Order" : "Draft order"}
                </Link>
              ) : (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  No order
                </Text>
              )}
              <Text size="small" weight="plus">
                {formatMoney(statement.total, statement.currency_code)}
              </Text>
            </div>
          </div>
          {statement.hold_reason && (
            <Text size="small" className="text-ui-fg-subtle">
              {statement.status === "on_hold" ? "On hold: " : "Was on hold: "}
              {statement.hold_reason.message}
            </Text>
          )}
          {statement.reconciliation?.status === "mismatch" && (
            <ul className="flex flex-col">
              {(statement.reconciliation.details ?? []).map((d, i) => (
                <li key={i}>
                  <Text size="xsmall" className="text-ui-fg-error">
                    {offeringItemLabel(d.offering_item)}
                    {d.infra_id ? ` (storage ${d.infra_id})` : ""}: ours {formatAcronisFigure(d.ours)}, Acronis {formatAcronisFigure(d.acronis)}
                  </Text>
                </li>
              ))}
            </ul>
          )}
          {statement.lines.length > 0 && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Line</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Unit price</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {statement.lines.map((line) => (
                  <Table.Row key={line.id}>
                    <Table.Cell className="whitespace-normal">{formatLineDescription(line)}</Table.Cell>
                    <Table.Cell className="text-right" title={`${line.quantity} ${line.unit}`}>
                      {formatLineQuantity(line)}
                    </Table.Cell>
                    <Table.Cell className="text-right">{formatMoney(line.unit_price, statement.currency_code)}</Table.Cell>
                    <Table.Cell className="text-right">{formatMoney(line.amount, statement.currency_code)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </div>
      )
    })}
  </Container>
)
