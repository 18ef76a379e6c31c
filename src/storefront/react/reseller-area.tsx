"use client"

import { Alert, Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import type { AcronisReseller, AcronisSubAccount } from "../types"
import { PlainLink, type AcronisLinkComponent } from "./account-field"
import { formatDay, statusColor, statusLabel } from "./account-format"
import { useAcronis } from "./context"
import { errorMessage, errorStatus } from "./errors"
import { pollDelay } from "./polling"
import { AcronisNewSubAccountForm } from "./sub-account-form"

export type AcronisResellerAreaProps = {
  subAccountHref: (id: string) => string
  backHref?: string
  Link?: AcronisLinkComponent
}

/** The reseller the customer acts for: its sub-accounts with their status and account numbers, and a new one. */
export function AcronisResellerArea({ subAccountHref, backHref, Link = PlainLink }: AcronisResellerAreaProps) {
  const { acronis } = useAcronis()
  const [reseller, setReseller] = useState<AcronisReseller | null | undefined>(undefined)
  const [subAccounts, setSubAccounts] = useState<AcronisSubAccount[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [polls, setPolls] = useState(0)

  const loadSubAccounts = useCallback(async () => {
    const { sub_accounts } = await acronis.subAccounts.list({ limit: 100 })
    setSubAccounts(sub_accounts)
  }, [acronis])

  useEffect(() => {
    acronis.reseller
      .retrieve()
      .then(({ reseller }) => {
        setReseller(reseller)
        return loadSubAccounts()
      })
      .catch((e) => (errorStatus(e) === 403 ? setReseller(null) : setError(errorMessage(e))))
  }, [acronis, loadSubAccounts])

  // While a sub-account waits for its tenant, refresh the list so its account number appears (less often as time
  // passes, and not forever).
  const waiting = !!subAccounts?.some((s) => s.status === "pending" && !s.provisioning_error)
  useEffect(() => {
    const delay = pollDelay(polls, 1500)
    if (!waiting || delay === null) return
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1)
      void loadSubAccounts().catch(() => undefined)
    }, delay)
    return () => window.clearTimeout(timer)
  }, [waiting, polls, loadSubAccounts])

  const back = backHref && (
    <Link href={backHref} className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
      ← Your account
    </Link>
  )
  if (error) return <Alert variant="error">{error}</Alert>
  if (reseller === undefined) return <Text className="text-ui-fg-muted">Loading…</Text>
  if (reseller === null) {
    return (
      <div className="flex flex-col gap-y-4">
        {back}
        <Heading level="h1">Reseller area</Heading>
        <Text className="text-ui-fg-subtle">Your account does not act for a reseller. Contact us to become one.</Text>
      </div>
    )
  }
  return (
    <div className="flex flex-col gap-y-8">
      {back}
      <div>
        <Text size="small" className="text-ui-fg-muted">
          Reseller area
        </Text>
        <Heading level="h1" className="txt-xlarge-plus">
          {reseller.name}
        </Heading>
      </div>
      <section aria-labelledby="sub-accounts-heading">
        <Container className="flex flex-col gap-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Heading level="h2" id="sub-accounts-heading">
              Sub-accounts
            </Heading>
            {!adding && <Button onClick={() => setAdding(true)}>New sub-account</Button>}
          </div>
          {adding && (
            <div className="border-ui-border-base rounded-lg border p-4">
              <AcronisNewSubAccountForm onCancel={() => setAdding(false)} onCreated={() => {
                  setPolls(0)
                  void loadSubAccounts()
                }} />
            </div>
          )}
          {subAccounts === null && <Text className="text-ui-fg-muted">Loading sub-accounts…</Text>}
          {subAccounts?.length === 0 && <Text className="text-ui-fg-subtle">No sub-accounts yet. Create one for each customer you serve.</Text>}
          {!!subAccounts?.length && (
            <Table>
              <caption className="sr-only">Your sub-accounts</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Kind</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Account number</Table.HeaderCell>
                  <Table.HeaderCell>Created</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {subAccounts.map((s) => (
                  <Table.Row key={s.id}>
                    <Table.Cell>
                      <Link href={subAccountHref(s.id)} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-medium">
                        {s.name}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{s.kind === "end_customer" ? "End customer" : "Sub-division"}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={statusColor(s.status)}>{statusLabel(s.status)}</StatusBadge>
                    </Table.Cell>
                    <Table.Cell className="font-mono">{s.account_number}</Table.Cell>
                    <Table.Cell>{formatDay(s.created_at)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
          {waiting && pollDelay(polls, 1500) === null && (
            <div className="flex flex-wrap items-center gap-3" role="status">
              <Text size="small" className="text-ui-fg-subtle">
                Acronis is taking longer than usual to set up a sub-account. It carries on; check again in a while.
              </Text>
              <Button variant="secondary" size="small" onClick={() => setPolls(0)}>
                Check again
              </Button>
            </div>
          )}
        </Container>
      </section>
    </div>
  )
}
