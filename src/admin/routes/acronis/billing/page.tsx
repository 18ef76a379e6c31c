import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Input, Label, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { customerName, useCustomers } from "../../../lib/acronis-subscriptions"
import { money, totalsByCurrency } from "../../../lib/decimal-totals"
import { formatAcronisFigure } from "../../../../lib/display/billed-line-display"
import { offeringItemLabel } from "../../../../lib/display/offering-item-labels"
import { sdk } from "../../../lib/sdk"

type HoldReason = { code: string; message: string; released?: boolean }
type DryRunResult = {
  subscription_id: string
  skipped?: string
  error?: string
  statement?: {
    service_name: string
    customer_id: string | null
    email: string
    currency_code: string
    total: string
    window: { from: string; to: string } | null
    lines: { description: string; amount: string }[]
    hold: HoldReason | null
  }
}
type CloseResult = { subscription_id: string; skipped?: string; error?: string; status?: string; created?: boolean; billed_order_id?: string | null }
type MonthStatement = {
  id: string
  status: string
  currency_code: string
  total: string
  hold_reason: HoldReason | null
  reconciliation: { status: string; details?: { offering_item: string; infra_id: string | null; ours: string; acronis: string }[] } | null
  order_id: string | null
  draft_order_id: string | null
  customer: { name: string; email: string } | null
  subscription: { id: string; service_name: string }
}

const STATEMENT_STATUS: Record<string, { label: string; color: "green" | "orange" | "blue" | "grey" }> = {
  draft: { label: "Draft", color: "grey" },
  on_hold: { label: "On hold", color: "orange" },
  issued: { label: "Issued", color: "blue" },
  billed: { label: "Billed", color: "green" },
}

/** The month that ended last, as YYYY-MM (UTC): the one a person usually closes. */
function lastMonth(): string {
  const now = new Date()
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
  return d.toISOString().slice(0, 7)
}

/** Whether the month is over (UTC): only an ended month can be closed; any month can be dry-run. */
const hasEnded = (period: string) => period < new Date().toISOString().slice(0, 7)

const backend = (path: string) => `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/+$/, "")}${path}`

/**
 * Closing a month of usage billing: a dry run shows what would be billed (totals per currency, what would
 * stay on hold and why) and writes nothing; closing for real asks first. The month's statements, with their
 * holds and reconciliation mismatches, are below, and the whole month downloads as CSV.
 */
const AcronisBillingPage = () => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [period, setPeriod] = useState(lastMonth())
  const [dryRun, setDryRun] = useState<{ period: string; results: DryRunResult[] } | null>(null)
  const [closed, setClosed] = useState<{ period: string; results: CloseResult[] } | null>(null)

  const statements = useQuery({
    queryKey: ["acronis-month-statements", period],
    queryFn: () =>
      sdk.client.fetch<{ statements: MonthStatement[]; count: number }>("/admin/acronis/billing/statements", {
        query: { period, limit: 100 },
      }),
    enabled: /^\d{4}-\d{2}$/.test(period),
  })
  const preview = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ period: string; results: DryRunResult[] }>("/admin/acronis/billing/close", {
        method: "POST",
        body: { period, dry_run: true },
      }),
    onSuccess: (data) => {
      setDryRun(data)
      setClosed(null)
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const close = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ period: string; results: CloseResult[] }>("/admin/acronis/billing/close", { method: "POST", body: { period } }),
    onSuccess: (data) => {
      setClosed(data)
      const failed = data.results.filter((r) => r.error).length
      if (failed) toast.error(`${period} closed with ${failed} failure${failed === 1 ? "" : "s"}: see below`)
      else toast.success(`${period} closed`)
      queryClient.invalidateQueries({ queryKey: ["acronis-month-statements", period] })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const previewed = dryRun?.period === period ? dryRun.results : null
  const billed = (previewed ?? []).filter((r) => r.statement)
  const customers = useCustomers(billed.flatMap((r) => (r.statement!.customer_id ? [r.statement!.customer_id] : [])))
  const totals = totalsByCurrency(billed.map((r) => ({ currency_code: r.statement!.currency_code, total: r.statement!.total })))
  const wouldHold = billed.filter((r) => r.statement!.hold)
  const monthStatements = statements.data?.statements ?? []
  const onHold = monthStatements.filter((s) => s.status === "on_hold")
  const mismatches = monthStatements.filter((s) => s.reconciliation?.status === "mismatch")

  const confirmClose = async () => {
    const confirmed = await prompt({
      title: `Close ${period}?`,
      description: `Statements are written and billed as orders for ${billed.length} subscription${billed.length === 1 ? "" : "s"} (${
        totals.map((t) => money(t.total, t.currency_code)).join(", ") || "nothing to charge"
      }), and customers are e-mailed. A statement whose usage or Acronis report is missing stays on hold.`,
      confirmText: "Close month",
      variant: "confirmation",
      cancelText: "Cancel",
    })
    if (confirmed) close.mutate()
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>Billing</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Months of Acronis usage are closed every hour once they end. Close one now, after a dry run.
            </Text>
          </div>
          <a href={backend(`/admin/acronis/billing/statements?period=${period}&format=csv`)} download>
            <Button size="small" variant="secondary">
              Download CSV
            </Button>
          </a>
        </div>
        <div className="flex items-end gap-x-3 px-6 py-4">
          <div className="w-48">
            <Label htmlFor="billing-period" size="small">
              Month
            </Label>
            <Input id="billing-period" type="month" value={period} onChange={(e) => setPeriod(e.target.value)} />
          </div>
          <Button size="small" variant="secondary" isLoading={preview.isPending} onClick={() => preview.mutate()}>
            Dry run
          </Button>
          <Button size="small" disabled={!previewed || !hasEnded(period)} isLoading={close.isPending} onClick={confirmClose}>
            Close month
          </Button>
          <Text size="small" className="text-ui-fg-subtle">
            {!hasEnded(period)
              ? `${period} has not ended: a dry run shows the bill so far.`
              : !previewed
                ? `Run a dry run of ${period} first.`
                : ""}
          </Text>
        </div>
      </Container>

      {previewed && (
        <Container className="divide-y p-0">
          <div className="flex items-center justify-between px-6 py-4">
            <div>
              <Heading level="h2">Dry run of {period}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                What closing would bill, from the usage synced so far. Nothing was written.
              </Text>
            </div>
            <div className="flex gap-x-2">
              {totals.map((t) => (
                <Badge key={t.currency_code} color="green">
                  {money(t.total, t.currency_code)}
                </Badge>
              ))}
              {wouldHold.length > 0 && <Badge color="orange">{wouldHold.length} would stay on hold</Badge>}
            </div>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Subscription</Table.HeaderCell>
                <Table.HeaderCell>Days billed</Table.HeaderCell>
                <Table.HeaderCell>Total</Table.HeaderCell>
                <Table.HeaderCell>Outcome</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {previewed.map((r) => (
                <Table.Row key={r.subscription_id}>
                  <Table.Cell>
                    <Link to={`/acronis/subscriptions/${r.subscription_id}`}>
                      <Text size="small">{r.statement?.service_name ?? r.subscription_id}</Text>
                    </Link>
                    {r.statement && (
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {r.statement.customer_id && customers.data?.[r.statement.customer_id]
                          ? `${customerName(customers.data[r.statement.customer_id])} · ${r.statement.email}`
                          : r.statement.email}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>{r.statement?.window ? `${r.statement.window.from} – ${r.statement.window.to}` : "—"}</Table.Cell>
                  <Table.Cell>{r.statement ? money(r.statement.total, r.statement.currency_code) : "—"}</Table.Cell>
                  <Table.Cell className="max-w-md whitespace-normal">
                    {r.error && <Text size="small" className="text-ui-fg-error">Fails: {r.error}</Text>}
                    {r.skipped && <Text size="small" className="text-ui-fg-subtle">Not billed: {r.skipped}</Text>}
                    {r.statement?.hold && <Text size="small" className="text-ui-fg-subtle">On hold: {r.statement.hold.message}</Text>}
                    {r.statement && !r.statement.hold && <StatusBadge color="green">Ready</StatusBadge>}
                  </Table.Cell>
                </Table.Row>
              ))}
              {previewed.length === 0 && (
                <Table.Row>
                  <Table.Cell>Nothing to bill in {period}.</Table.Cell>
                </Table.Row>
              )}
            </Table.Body>
          </Table>
        </Container>
      )}

      {closed?.period === period && (
        <Container className="flex flex-col gap-y-1 px-6 py-4">
          <Heading level="h2">Closed {period}</Heading>
          {closed.results.map((r) => (
            <Text key={r.subscription_id} size="small" className={r.error ? "text-ui-fg-error" : undefined}>
              {billed.find((b) => b.subscription_id === r.subscription_id)?.statement?.service_name ?? r.subscription_id}:{" "}
              {r.error ?? r.skipped ?? `${STATEMENT_STATUS[r.status ?? ""]?.label ?? r.status}${r.billed_order_id ? ", order created" : ""}`}
            </Text>
          ))}
        </Container>
      )}

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h2">Statements of {period}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {statements.data ? `${statements.data.count} statement${statements.data.count === 1 ? "" : "s"}` : "Loading…"}
            </Text>
          </div>
          <div className="flex gap-x-2">
            {onHold.length > 0 && <Badge color="orange">{onHold.length} on hold</Badge>}
            {mismatches.length > 0 && <Badge color="red">{mismatches.length} reconciliation mismatch{mismatches.length === 1 ? "" : "es"}</Badge>}
          </div>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Service</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Total</Table.HeaderCell>
              <Table.HeaderCell>Acronis reconciliation</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {monthStatements.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  <Text size="small">{s.customer?.name ?? "—"}</Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {s.customer?.email}
                  </Text>
                </Table.Cell>
                <Table.Cell>
                  <Link to={`/acronis/subscriptions/${s.subscription.id}`}>
                    <Text size="small">{s.subscription.service_name}</Text>
                  </Link>
                </Table.Cell>
                <Table.Cell className="max-w-xs whitespace-normal">
                  <StatusBadge color={STATEMENT_STATUS[s.status]?.color ?? "grey"}>{STATEMENT_STATUS[s.status]?.label ?? s.status}</StatusBadge>
                  {s.hold_reason && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {s.hold_reason.released ? "Released from hold: " : ""}
                      {s.hold_reason.message}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>
                  {s.order_id ? <Link to={`/orders/${s.order_id}`}>{money(s.total, s.currency_code)}</Link> : money(s.total, s.currency_code)}
                </Table.Cell>
                <Table.Cell className="max-w-xs whitespace-normal">
                  {!s.reconciliation && <Text size="small" className="text-ui-fg-subtle">Not compared</Text>}
                  {s.reconciliation?.status === "matched" && <StatusBadge color="green">Matches Acronis</StatusBadge>}
                  {s.reconciliation?.status === "unavailable" && <StatusBadge color="grey">No Acronis report</StatusBadge>}
                  {s.reconciliation?.status === "mismatch" && (
                    <>
                      <StatusBadge color="red">Differs from Acronis</StatusBadge>
                      {(s.reconciliation.details ?? []).map((d) => (
                        <Text key={`${d.offering_item}@${d.infra_id ?? ""}`} size="xsmall" className="text-ui-fg-subtle">
                          {offeringItemLabel(d.offering_item)}: ours {formatAcronisFigure(d.ours)}, Acronis {formatAcronisFigure(d.acronis)}
                        </Text>
                      ))}
                    </>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
            {statements.data && monthStatements.length === 0 && (
              <Table.Row>
                <Table.Cell>No statement for {period} yet.</Table.Cell>
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Billing", rank: 3 })

export default AcronisBillingPage
