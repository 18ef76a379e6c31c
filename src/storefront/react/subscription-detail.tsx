"use client"

import { Alert, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import type { AcronisDailyUsage, AcronisStatement, AcronisSubscription, AcronisUsage } from "../types"
import { PlainLink, type AcronisLinkComponent } from "./account-field"
import { formatDay, formatPeriod, LICENSING_MODEL_LABELS, statusColor, statusLabel, SUBSCRIPTION_TYPE_LABELS } from "./account-format"
import { useAcronis } from "./context"
import { errorMessage, errorStatus } from "./errors"
import { AcronisSubscriptionChanges } from "./subscription-changes"
import { AcronisUsageChart } from "./usage-chart"
import { formatLineDescription, formatLineQuantity } from "../../lib/display/billed-line-display"
import { formatAmount } from "./money"
import { AcronisManageServiceLink } from "./manage-service-link"

export type AcronisSubscriptionDetailProps = {
  subscriptionId: string
  /** The account page, for the way back. */
  backHref?: string
  Link?: AcronisLinkComponent
}

type Line = Record<string, unknown> & { offering_item?: string | null; description?: string; quantity?: string; unit?: string; unit_price?: string; amount?: string }

/**
 * One subscription: its status and details, this month's usage as a chart, the estimated charges so far,
 * past statements, and changes of its terms.
 */
export function AcronisSubscriptionDetail({ subscriptionId, backHref, Link = PlainLink }: AcronisSubscriptionDetailProps) {
  const { acronis } = useAcronis()
  const [subscription, setSubscription] = useState<AcronisSubscription | null | undefined>(undefined)
  const [usage, setUsage] = useState<AcronisUsage | null>(null)
  const [daily, setDaily] = useState<AcronisDailyUsage | null>(null)
  const [statements, setStatements] = useState<AcronisStatement[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const { subscriptions } = await acronis.subscriptions.list()
      const found = subscriptions.find((s) => s.id === subscriptionId) ?? null
      setSubscription(found)
      if (!found) return
      const quiet = <T,>(p: Promise<T>) => p.catch((e) => (errorStatus(e) === 404 ? null : Promise.reject(e)))
      const [u, d, s] = await Promise.all([
        quiet(acronis.subscriptions.usage(subscriptionId)),
        quiet(acronis.subscriptions.dailyUsage(subscriptionId)),
        quiet(acronis.subscriptions.statements(subscriptionId)),
      ])
      setUsage(u?.usage ?? null)
      setDaily(d?.daily_usage ?? null)
      setStatements(s?.statements ?? [])
    } catch (e) {
      setError(errorMessage(e))
    }
  }, [acronis, subscriptionId])

  useEffect(() => {
    void load()
  }, [load])

  const back = backHref && (
    <Link href={backHref} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      ← Your account
    </Link>
  )
  if (error) {
    return (
      <div className="flex flex-col gap-y-4">
        {back}
        <Alert variant="error" role="alert">
          {error}
        </Alert>
      </div>
    )
  }
  if (subscription === undefined) return <Text className="text-ui-fg-muted">Loading the service…</Text>
  if (subscription === null) {
    return (
      <div className="flex flex-col gap-y-4">
        {back}
        <Heading level="h1">Service not found</Heading>
        <Text className="text-ui-fg-subtle">This service is not one of yours, or it no longer exists.</Text>
      </div>
    )
  }
  const currency = usage?.estimate.currency_code ?? null
  return (
    <div className="flex flex-col gap-y-8">
      {back}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="flex items-center gap-x-3">
          <Heading level="h1" className="txt-xlarge-plus">
            {subscription.service_name}
          </Heading>
          <StatusBadge color={statusColor(subscription.status)}>{statusLabel(subscription.status)}</StatusBadge>
        </div>
        <AcronisManageServiceLink subscription={subscription} />
      </div>

      <section aria-labelledby="acronis-details-heading">
        <Container className="flex flex-col gap-y-4">
          <Heading level="h2" id="acronis-details-heading">
            Details
          </Heading>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
            <Detail label="Type" value={SUBSCRIPTION_TYPE_LABELS[subscription.type] ?? subscription.type} />
            <Detail label="Login" value={subscription.login ?? "—"} />
            <Detail label="Activation e-mail" value={subscription.email ?? "—"} />
            <Detail label="Activated" value={subscription.activated_at ? formatDay(subscription.activated_at) : "Not yet"} />
            <Detail label="Ordered" value={formatDay(subscription.created_at)} />
            {subscription.type === "ppu" && (
              <Detail
                label="Licensing"
                value={[subscription.protection_licensing_model, subscription.file_sync_share_licensing_model]
                  .filter(Boolean)
                  .map((m) => LICENSING_MODEL_LABELS[m!] ?? m)
                  .join(" · ")}
              />
            )}
          </dl>
        </Container>
      </section>

      <section aria-labelledby="acronis-usage-heading">
        <Container className="flex flex-col gap-y-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Heading level="h2" id="acronis-usage-heading">
              Usage in {formatPeriod(daily?.period ?? usage?.period ?? new Date().toISOString().slice(0, 7))}
            </Heading>
            {usage && (
              <Text size="small" className="text-ui-fg-muted">
                {usage.last_synced_at ? `Last read from Acronis ${new Date(usage.last_synced_at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}` : "Not read from Acronis yet"}
              </Text>
            )}
          </div>
          {daily ? <AcronisUsageChart daily={daily} /> : <Text className="text-ui-fg-muted">Loading usage…</Text>}
        </Container>
      </section>

      <section aria-labelledby="acronis-estimate-heading">
        <Container className="flex flex-col gap-y-4">
          <Heading level="h2" id="acronis-estimate-heading">
            Estimated charges so far
          </Heading>
          {usage ? (
            <>
              <Lines lines={usage.estimate.lines as Line[]} currency={currency} caption={`Estimated charges for ${formatPeriod(usage.period)} as of ${formatDay(usage.as_of)}`} />
              <div className="flex items-baseline justify-between">
                <Text size="small" className="text-ui-fg-muted">
                  As of {formatDay(usage.as_of)}; the statement at the month&apos;s end bills what was used.
                </Text>
                <Text weight="plus" data-testid="acronis-estimate-total">
                  Total {formatAmount(usage.estimate.total, currency)}
                </Text>
              </div>
            </>
          ) : (
            <Text className="text-ui-fg-muted">No estimate yet.</Text>
          )}
        </Container>
      </section>

      <section aria-labelledby="acronis-statements-heading">
        <Container className="flex flex-col gap-y-4">
          <Heading level="h2" id="acronis-statements-heading">
            Statements
          </Heading>
          {statements === null && <Text className="text-ui-fg-muted">Loading statements…</Text>}
          {statements?.length === 0 && <Text className="text-ui-fg-subtle">No statement yet: the first comes after your first full month.</Text>}
          {statements?.map((statement) => {
            const stCurrency = (statement.currency_code as string | undefined) ?? currency
            return (
              <section key={statement.id} aria-labelledby={`statement-${statement.id}`} className="border-ui-border-base flex flex-col gap-y-2 border-t pt-4 first:border-t-0 first:pt-0">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <Heading level="h3" id={`statement-${statement.id}`}>
                    {formatPeriod(statement.period)}
                  </Heading>
                  {typeof statement.status === "string" && <StatusBadge color={statement.status === "billed" ? "green" : "orange"}>{statusLabel(statement.status)}</StatusBadge>}
                </div>
                <Lines lines={statement.lines as Line[]} currency={stCurrency} caption={`Statement for ${formatPeriod(statement.period)}`} />
                <Text weight="plus" className="self-end">
                  Total {formatAmount(statement.total as string, stCurrency)}
                </Text>
              </section>
            )
          })}
        </Container>
      </section>

      <section aria-labelledby="acronis-terms-heading">
        <Container className="flex flex-col gap-y-4">
          <Heading level="h2" id="acronis-terms-heading">
            Your terms
          </Heading>
          <AcronisSubscriptionChanges subscription={subscription} onChanged={() => void load()} />
        </Container>
      </section>
    </div>
  )
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="txt-small text-ui-fg-muted">{label}</dt>
      <dd className="txt-compact-medium text-ui-fg-base break-all">{value || "—"}</dd>
    </div>
  )
}

function Lines({ lines, currency, caption }: { lines: Line[]; currency: string | null; caption: string }) {
  if (!lines.length) return <Text className="text-ui-fg-subtle">Nothing charged so far.</Text>
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Item</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Unit price</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {lines.map((line, i) => (
          <Table.Row key={(line.id as string | undefined) ?? i}>
            <Table.Cell>{formatLineDescription({ offering_item: line.offering_item ?? null, description: line.description ?? "", unit: line.unit ?? "" })}</Table.Cell>
            <Table.Cell className="text-right tabular-nums">{formatLineQuantity({ quantity: line.quantity ?? "", unit: line.unit ?? "" })}</Table.Cell>
            <Table.Cell className="text-right tabular-nums">{formatAmount(line.unit_price, currency, { unitPrice: true })}</Table.Cell>
            <Table.Cell className="text-right tabular-nums">{formatAmount(line.amount, currency)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

