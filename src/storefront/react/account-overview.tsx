"use client"

import { Alert, Button, Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { AcronisReseller, AcronisSubscription } from "../types"
import { PlainLink, type AcronisLinkComponent } from "./account-field"
import { formatDay, statusColor, statusLabel, SUBSCRIPTION_TYPE_LABELS } from "./account-format"
import { useAcronis } from "./context"
import { errorMessage, errorStatus } from "./errors"
import { AcronisManageServiceLink } from "./manage-service-link"

export type AcronisAccountOverviewProps = {
  customer: { first_name?: string | null; last_name?: string | null; email: string; company_name?: string | null }
  onSignOut: () => void | Promise<void>
  /** Where a subscription's page is. */
  subscriptionHref: (id: string) => string
  /** The reseller area, shown when the customer acts for a reseller. */
  resellerHref?: string
  Link?: AcronisLinkComponent
}

/**
 * The signed-in customer's account: who they are, their Acronis subscriptions with a "Manage your service"
 * button for each active one, and the reseller area when they act for a reseller.
 */
export function AcronisAccountOverview({ customer, onSignOut, subscriptionHref, resellerHref, Link = PlainLink }: AcronisAccountOverviewProps) {
  const { acronis } = useAcronis()
  const [subscriptions, setSubscriptions] = useState<AcronisSubscription[] | null>(null)
  const [reseller, setReseller] = useState<AcronisReseller | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [signingOut, setSigningOut] = useState(false)

  useEffect(() => {
    let live = true
    acronis.subscriptions
      .list()
      .then(({ subscriptions }) => live && setSubscriptions(subscriptions))
      .catch((e) => live && setError(errorMessage(e)))
    // 403 for a customer who acts for no reseller: nothing to show then.
    acronis.reseller
      .retrieve()
      .then(({ reseller }) => live && setReseller(reseller))
      .catch((e) => live && errorStatus(e) !== 403 && errorStatus(e) !== 401 && setError(errorMessage(e)))
    return () => {
      live = false
    }
  }, [acronis])

  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return (
    <div className="flex flex-col gap-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Heading level="h1" className="txt-xlarge-plus">
            {name ? `Hello, ${name}` : "Your account"}
          </Heading>
          <Text className="text-ui-fg-subtle">{customer.email}</Text>
        </div>
        <Button
          variant="secondary"
          isLoading={signingOut}
          onClick={async () => {
            setSigningOut(true)
            try {
              await onSignOut()
            } finally {
              setSigningOut(false)
            }
          }}
        >
          Sign out
        </Button>
      </div>

      {error && (
        <Alert variant="error" role="alert">
          {error}
        </Alert>
      )}

      {reseller && resellerHref && (
        <Container className="flex flex-wrap items-center justify-between gap-4">
          <div>
            <Heading level="h2">Reseller area</Heading>
            <Text className="text-ui-fg-subtle">
              You act for <span className="text-ui-fg-base font-medium">{reseller.name}</span>: manage its sub-accounts, their users and
              orders.
            </Text>
          </div>
          <Link href={resellerHref} className="txt-compact-small-plus bg-ui-button-inverted text-ui-fg-on-inverted hover:bg-ui-button-inverted-hover rounded-md px-3 py-1.5 shadow-buttons-inverted">
            Open the reseller area
          </Link>
        </Container>
      )}

      <section aria-labelledby="acronis-subscriptions-heading" className="flex flex-col gap-y-4">
        <Heading level="h2" id="acronis-subscriptions-heading">
          Your Acronis services
        </Heading>
        {subscriptions === null && !error && <Text className="text-ui-fg-muted">Loading your services…</Text>}
        {subscriptions?.length === 0 && (
          <Container>
            <Text className="text-ui-fg-subtle">You have no Acronis services yet. Services you order show here once they are set up.</Text>
          </Container>
        )}
        <ul className="flex flex-col gap-y-3">
          {subscriptions?.map((subscription) => (
            <li key={subscription.id}>
              <SubscriptionCard subscription={subscription} href={subscriptionHref(subscription.id)} Link={Link} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

function SubscriptionCard({ subscription, href, Link }: { subscription: AcronisSubscription; href: string; Link: AcronisLinkComponent }) {
  const headingId = `subscription-${subscription.id}`
  return (
    <section aria-labelledby={headingId}>
      <Container className="flex flex-col gap-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-x-3">
            <Heading level="h3" id={headingId}>
              {subscription.service_name}
            </Heading>
            <StatusBadge color={statusColor(subscription.status)}>{statusLabel(subscription.status)}</StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {SUBSCRIPTION_TYPE_LABELS[subscription.type] ?? subscription.type}
          </Text>
        </div>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-2 sm:grid-cols-3">
          <div>
            <dt className="txt-small text-ui-fg-muted">Login</dt>
            <dd className="txt-compact-medium text-ui-fg-base break-all">{subscription.login ?? "—"}</dd>
          </div>
          <div>
            <dt className="txt-small text-ui-fg-muted">Activated</dt>
            <dd className="txt-compact-medium text-ui-fg-base">{subscription.activated_at ? formatDay(subscription.activated_at) : "Not yet"}</dd>
          </div>
          <div>
            <dt className="txt-small text-ui-fg-muted">Ordered</dt>
            <dd className="txt-compact-medium text-ui-fg-base">{formatDay(subscription.created_at)}</dd>
          </div>
        </dl>
        <div className="flex flex-wrap gap-3">
          <Link href={href} className="txt-compact-small-plus bg-ui-button-neutral text-ui-fg-base hover:bg-ui-button-neutral-hover shadow-buttons-neutral rounded-md px-3 py-1.5" aria-label={`Usage, statements and changes of ${subscription.service_name}`}>
            Usage, statements and changes
          </Link>
          <AcronisManageServiceLink subscription={subscription} />
        </div>
      </Container>
    </section>
  )
}
