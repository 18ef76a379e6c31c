import { Alert, Button, Container, Copy, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link, useParams } from "react-router-dom"
import { FILE_SYNC_SHARE_MODEL_LABELS, PROTECTION_MODEL_LABELS } from "../../../../lib/acronis-labels"
import { formatLineDescription, formatLineQuantity } from "../../../../../lib/display/billed-line-display"
import {
  type AcronisSubscription,
  customerName,
  formatDate,
  formatMoney,
  provisioningStepName,
  type ProvisioningLogLine,
  type Reseller,
  type Statement,
  type StatementLine,
  SUBSCRIPTION_TYPE_LABELS,
  useCustomers,
} from "../../../../lib/acronis-subscriptions"
import { sdk } from "../../../../lib/sdk"
import { ChangeTermsDrawer } from "../components/change-terms-drawer"
import { ProvisioningTimeline } from "../components/provisioning-timeline"
import { StatementsSection } from "../components/statements-section"
import { SubscriptionStatusBadge } from "../components/subscription-status-badge"
import { UsageChart } from "./usage-chart"

type Detail = { subscription: AcronisSubscription & { provisioning_log: ProvisioningLogLine[] }; warnings: string[] }
type Usage = {
  period: string
  last_synced_at: string | null
  last_sync_error: string | null
  estimate: { currency_code: string; lines: Omit<StatementLine, "id">[]; total: string }
}
type Changes = { scheduled: { id: string; description: string; effective_on: string }[]; changes: { id: string; description: string; effective_on: string; cancelled_at: string | null }[] }

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small min-w-0 break-words [overflow-wrap:anywhere]">{children}</div>
  </div>
)

/** One subscription: who has it, its tenant, what provisioning did, its terms and the actions staff may take. */
const SubscriptionDetailPage = () => {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const detail = useQuery({
    queryKey: ["acronis-subscription", id],
    queryFn: () => sdk.client.fetch<Detail>(`/admin/acronis/subscriptions/${id}`),
    // A run in progress: follow it until it ends.
    refetchInterval: (query) => (query.state.data?.subscription.status === "provisioning" ? 2000 : false),
  })
  const subscription = detail.data?.subscription
  const customers = useCustomers(subscription ? [subscription.customer_id] : [])
  const order = useQuery({
    queryKey: ["acronis-subscription-order", subscription?.order_id],
    enabled: !!subscription,
    queryFn: () => sdk.admin.order.retrieve(subscription!.order_id, { fields: "id,display_id,status,metadata" }),
  })
  const reseller = useQuery({
    queryKey: ["acronis-reseller", subscription?.reseller_id],
    enabled: !!subscription?.reseller_id,
    queryFn: () =>
      sdk.client.fetch<{ reseller: Reseller & { sub_accounts: { id: string; name: string; account_number: string }[] } }>(
        `/admin/acronis/resellers/${subscription!.reseller_id}`
      ),
  })
  const status = useQuery({
    queryKey: ["acronis-status"],
    queryFn: () => sdk.client.fetch<{ status: { root_tenant: { id: string; name: string } | null } }>("/admin/acronis/status"),
  })
  const holdsTenant = subscription && ["active", "suspended"].includes(subscription.status)
  const usage = useQuery({
    queryKey: ["acronis-subscription-usage", id],
    enabled: !!holdsTenant,
    queryFn: () => sdk.client.fetch<{ usage: Usage }>(`/admin/acronis/subscriptions/${id}/usage`),
  })
  const statements = useQuery({
    queryKey: ["acronis-subscription-statements", id],
    queryFn: () => sdk.client.fetch<{ statements: Statement[] }>(`/admin/acronis/subscriptions/${id}/statements`),
  })
  const changes = useQuery({
    queryKey: ["acronis-subscription-changes", id],
    enabled: !!subscription && !["pending", "cancelled"].includes(subscription.status),
    queryFn: () => sdk.client.fetch<Changes>(`/admin/acronis/subscriptions/${id}/changes`),
  })

  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ["acronis-subscription", id] })
    queryClient.invalidateQueries({ queryKey: ["acronis-subscriptions"] })
    queryClient.invalidateQueries({ queryKey: ["acronis-subscription-changes", id] })
    queryClient.invalidateQueries({ queryKey: ["acronis-subscription-usage", id] })
  }
  const action = useMutation({
    mutationFn: ({ path }: { path: string; done: string }) => sdk.client.fetch(path, { method: "POST", body: {} }),
    onSuccess: (_, { done }) => {
      toast.success(done)
      refresh()
    },
    onError: (error: Error) => toast.error(error.message),
  })
  type Action = { title: string; description: string; confirmText: string; path: string; done: string; variant?: "danger" | "confirmation"; verificationText?: string; verificationInstruction?: string }
  const run = async ({ path, done, ...question }: Action) => {
    const confirmed = await prompt({ variant: "confirmation", cancelText: "Cancel", ...question })
    if (confirmed) action.mutate({ path, done })
  }

  if (detail.isError) {
    return (
      <Container>
        <Text>{(detail.error as Error).message}</Text>
      </Container>
    )
  }
  if (!subscription) {
    return (
      <Container>
        <Text size="small">Loading…</Text>
      </Container>
    )
  }
  const customer = customers.data?.[subscription.customer_id]
  const subAccount = reseller.data?.reseller.sub_accounts?.find((s) => s.id === subscription.sub_account_id)
  const rootTenant = status.data?.status.root_tenant
  const parentName =
    subscription.parent_tenant_id && subscription.parent_tenant_id === rootTenant?.id
      ? `${rootTenant.name} (your partner tenant)`
      : subscription.parent_tenant_id && subscription.parent_tenant_id === reseller.data?.reseller.acronis_tenant_id
        ? `${reseller.data.reseller.name} (reseller's partner tenant)`
        : null
  const base = `/admin/acronis/subscriptions/${subscription.id}`

  return (
    <div className="flex flex-col gap-y-3 xl:flex-row xl:items-start xl:gap-x-4">
      <div className="flex w-full min-w-0 flex-col gap-y-3">
        <Container className="divide-y p-0">
          <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
            <div className="flex flex-col">
              <div className="flex items-center gap-x-2">
                <Heading>{subscription.service_name}</Heading>
                <SubscriptionStatusBadge subscription={subscription} />
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {SUBSCRIPTION_TYPE_LABELS[subscription.type]} for {customerName(customer)}
              {typeof order.data?.order.metadata?.acronis_reference === "string" ? ` · ${order.data.order.metadata.acronis_reference}` : ""}
              </Text>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {subscription.status === "failed" && (
                <Button
                  size="small"
                  isLoading={action.isPending}
                  onClick={() =>
                    run({
                      title: "Retry provisioning?",
                      description: "The run resumes from what it made in Acronis before it failed; nothing is created twice.",
                      confirmText: "Retry",
                      path: `${base}/retry`,
                      done: "Provisioning restarted",
                    })
                  }
                >
                  Retry
                </Button>
              )}
              {subscription.status === "pending" && subscription.execution === "manual" && (
                <Button
                  size="small"
                  isLoading={action.isPending}
                  onClick={() =>
                    run({
                      title: "Execute this staff order?",
                      description: `Every pending Acronis product of order #${order.data?.order.display_id ?? ""} is provisioned now: tenants and users are created in Acronis and billing starts when each is active.`,
                      confirmText: "Execute",
                      path: `/admin/acronis/orders/${subscription.order_id}/execute`,
                      done: "The order is being provisioned",
                    })
                  }
                >
                  Execute order
                </Button>
              )}
              {subscription.status === "active" && <ChangeTermsDrawer subscription={subscription} onChanged={refresh} />}
              {subscription.status === "active" && (
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={action.isPending}
                  onClick={() =>
                    run({
                      title: "Suspend this subscription?",
                      description:
                        "The Acronis tenant is disabled and the customer is no longer billed. Acronis keeps the tenant's data and still bills you for the storage it uses while disabled. Unless you resume it, the tenant and all its data are deleted when the grace period ends.",
                      confirmText: "Suspend",
                      variant: "danger",
                      path: `${base}/suspend`,
                      done: "Subscription suspended",
                    })
                  }
                >
                  Suspend
                </Button>
              )}
              {subscription.status === "suspended" && (
                <Button
                  size="small"
                  isLoading={action.isPending}
                  onClick={() =>
                    run({
                      title: "Resume this subscription?",
                      description: "The tenant is enabled again and the customer is billed again from today; the suspended days stay unbilled.",
                      confirmText: "Resume",
                      path: `${base}/resume`,
                      done: "Subscription resumed",
                    })
                  }
                >
                  Resume
                </Button>
              )}
              {subscription.status === "suspended" && (
                <Button
                  size="small"
                  variant="danger"
                  isLoading={action.isPending}
                  onClick={() =>
                    run({
                      title: "Terminate this subscription now?",
                      description: `The Acronis tenant is deleted now, with all the customer's backups and files in it; this cannot be undone. Without this, it would be deleted on ${formatDate(subscription.terminate_after)}. Type the customer's e-mail to confirm.`,
                      confirmText: "Terminate and delete data",
                      variant: "danger",
                      verificationText: customer?.email ?? subscription.email ?? "terminate",
                      verificationInstruction: "Type the customer's e-mail",
                      path: `${base}/terminate`,
                      done: "Subscription terminated; its tenant is being deleted in Acronis",
                    })
                  }
                >
                  Terminate
                </Button>
              )}
            </div>
          </div>
          {detail.data!.warnings.map((warning, i) => (
            <div key={i} className="px-6 py-3">
              <Alert variant="warning">{warning}</Alert>
            </div>
          ))}
          {subscription.status === "failed" && subscription.last_error && (
            <div className="px-6 py-3">
              <Alert variant="error">
                {subscription.last_error.step ? `${provisioningStepName(subscription.last_error.step)} failed: ` : ""}
                {subscription.last_error.message}
              </Alert>
            </div>
          )}
        </Container>
        <ProvisioningTimeline log={subscription.provisioning_log} />

        {holdsTenant && usage.data && <UsageSection usage={usage.data.usage} />}
        {subscription.tenant_id && <UsageChart subscriptionId={subscription.id} />}

        <StatementsSection statements={statements.data?.statements ?? []} />
      </div>
      <div className="flex w-full flex-col gap-y-3 xl:max-w-[420px]">
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Details</Heading>
          </div>
          <Row label="Customer">
            <Link to={`/customers/${subscription.customer_id}`} className="text-ui-fg-interactive">
              {customerName(customer)}
            </Link>
            {customer && <Text size="xsmall" className="text-ui-fg-subtle">{customer.email}</Text>}
          </Row>
          {subscription.reseller_id && (
            <Row label="Reseller">
              {reseller.data?.reseller.name ?? "…"}
              {subAccount && <Text size="xsmall" className="text-ui-fg-subtle">Sub-account {subAccount.name} ({subAccount.account_number})</Text>}
            </Row>
          )}
          <Row label="Order">
            <Link to={`/orders/${subscription.order_id}`} className="text-ui-fg-interactive">
              {order.data ? `#${order.data.order.display_id}` : "…"}
            </Link>
          </Row>
          <Row label="Ordered">{formatDate(subscription.created_at)}</Row>
          <Row label="Active since">{formatDate(subscription.activated_at)}</Row>
          {subscription.status === "suspended" && subscription.suspended_at && <Row label="Suspended">{formatDate(subscription.suspended_at)}</Row>}
          {subscription.status === "suspended" && subscription.terminate_after && <Row label="Tenant deleted on">{formatDate(subscription.terminate_after)}</Row>}
          {subscription.terminated_at && <Row label="Terminated">{formatDate(subscription.terminated_at)}</Row>}
          {subscription.type === "ppu" && (
            <Row label="Licensing">
              {[
                subscription.protection_licensing_model && `Protection ${PROTECTION_MODEL_LABELS[subscription.protection_licensing_model]?.toLowerCase()}`,
                subscription.file_sync_share_licensing_model && `File Sync & Share ${FILE_SYNC_SHARE_MODEL_LABELS[subscription.file_sync_share_licensing_model]?.toLowerCase()}`,
              ]
                .filter(Boolean)
                .join(", ") || "—"}
            </Row>
          )}
          {(changes.data?.scheduled ?? []).map((change) => (
            <Row key={change.id} label="Scheduled change">
              {change.description} from {formatDate(change.effective_on)}
            </Row>
          ))}
        </Container>
        <Container className="divide-y p-0">
          <div className="px-6 py-4">
            <Heading level="h2">Acronis tenant</Heading>
          </div>
          <Row label="Tenant">
            {subscription.tenant_id ? (
              <div className="flex flex-col">
                <span>{subscription.tenant_kind === "partner" ? "Partner tenant" : "Customer tenant"}</span>
                <div className="flex items-center gap-x-1">
                  <Text size="xsmall" className="text-ui-fg-subtle truncate font-mono">
                    {subscription.tenant_id}
                  </Text>
                  <Copy content={subscription.tenant_id} />
                </div>
              </div>
            ) : (
              "Not created yet"
            )}
          </Row>
          <Row label="Parent">
            {parentName ?? (subscription.parent_tenant_id ? <span className="font-mono">{subscription.parent_tenant_id}</span> : "—")}
          </Row>
          <Row label="Admin user">
            {!subscription.login ? "—" : subscription.email && subscription.email !== subscription.login ? `${subscription.login} · ${subscription.email}` : subscription.login}
          </Row>
          <Row label="Pricing mode">{subscription.pricing_mode === "trial" ? "Trial" : subscription.pricing_mode === "production" ? "Production" : "—"}</Row>
          {subscription.manage_url && subscription.status !== "terminated" && (
            <Row label="Manage">
              <a href={subscription.manage_url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
                Acronis console
              </a>
            </Row>
          )}
        </Container>
      </div>
    </div>
  )
}

/** This month so far: what each offering item used and what it will cost, at the usage synced so far. */
const UsageSection = ({ usage }: { usage: Usage }) => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between px-6 py-4">
      <Heading level="h2">Usage in {usage.period}</Heading>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Last synced {formatDate(usage.last_synced_at, true)}
      </Text>
    </div>
    {usage.last_sync_error && (
      <div className="px-6 py-3">
        <Alert variant="warning">The last usage sync failed: {usage.last_sync_error}</Alert>
      </div>
    )}
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Item</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Quantity</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Estimated</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {usage.estimate.lines.length === 0 && (
          <Table.Row>
            <Table.Cell className="text-ui-fg-subtle">No usage synced for this month yet.</Table.Cell>
            <Table.Cell />
            <Table.Cell />
          </Table.Row>
        )}
        {usage.estimate.lines.map((line, i) => (
          <Table.Row key={i}>
            <Table.Cell className="whitespace-normal">{formatLineDescription(line)}</Table.Cell>
            <Table.Cell className="text-right" title={`${line.quantity} ${line.unit}`}>
              {formatLineQuantity(line)}
            </Table.Cell>
            <Table.Cell className="text-right">{formatMoney(line.amount, usage.estimate.currency_code)}</Table.Cell>
          </Table.Row>
        ))}
        <Table.Row>
          <Table.Cell className="font-medium">Estimated total</Table.Cell>
          <Table.Cell />
          <Table.Cell className="text-right font-medium">{formatMoney(usage.estimate.total, usage.estimate.currency_code)}</Table.Cell>
        </Table.Row>
      </Table.Body>
    </Table>
  </Container>
)

export default SubscriptionDetailPage
