import { Alert, Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link, useParams } from "react-router-dom"
import { customerName, formatDate } from "../../../../lib/acronis-subscriptions"
import { sdk } from "../../../../lib/sdk"
import { DuplicateReview } from "../components/duplicate-review"
import { SubAccountStatusBadge } from "../components/sub-account-status-badge"
import { fetchReseller, SUB_ACCOUNT_KIND_LABELS, type SubAccount, subAccountPath } from "../components/types"
import { UsersDrawer } from "../components/users-drawer"

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-2 items-center px-6 py-3">
    <Text size="small" weight="plus" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)

/** One reseller: who acts for it, its partner tenant, its sub-accounts (with their failures, duplicates and users). */
const ResellerDetailPage = () => {
  const { id } = useParams()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const detail = useQuery({
    queryKey: ["acronis-reseller", id],
    queryFn: () => fetchReseller(id!),
    // Sub-accounts still being provisioned: follow them until they settle.
    refetchInterval: (query) =>
      query.state.data?.reseller.sub_accounts.some((s) => s.status === "pending" && !s.provisioning_error) ? 3000 : false,
  })
  const status = useQuery({
    queryKey: ["acronis-status"],
    queryFn: () => sdk.client.fetch<{ status: { root_tenant: { id: string; name: string } | null } }>("/admin/acronis/status"),
  })
  const provision = useMutation({
    mutationFn: (subAccount: SubAccount) =>
      sdk.client.fetch<{ sub_account: SubAccount }>(`${subAccountPath(id!, subAccount.id)}/provision`, { method: "POST" }),
    onSuccess: ({ sub_account }) => {
      if (sub_account.status === "active") toast.success(`${sub_account.name} is active: account ${sub_account.account_number}`)
      else toast.error(`${sub_account.name} is still pending: ${sub_account.provisioning_error ?? "Acronis has not finished"}`)
      queryClient.invalidateQueries({ queryKey: ["acronis-reseller", id] })
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const confirmProvision = async (subAccount: SubAccount) => {
    const ok = await prompt({
      title: `Provision ${subAccount.name}?`,
      description:
        "This creates its customer tenant in Acronis under the reseller's partner tenant (and that partner tenant if it does not exist yet). Check the possible duplicates first.",
      confirmText: "Provision",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (ok) provision.mutate(subAccount)
  }

  if (detail.isError) return <Alert variant="error">{(detail.error as Error).message}</Alert>
  const reseller = detail.data?.reseller
  if (!reseller) return <Container>Loading…</Container>
  const [customer] = reseller.customers
  const failed = reseller.sub_accounts.filter((s) => s.status === "pending" && s.provisioning_error)

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div className="flex flex-col">
            <Heading>{reseller.name}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Reseller since {formatDate(reseller.created_at)}
            </Text>
          </div>
          {reseller.status === "active" ? <StatusBadge color="green">Active</StatusBadge> : <StatusBadge color="grey">Disabled</StatusBadge>}
        </div>
        <Row label="Acting customer">
          {customer ? (
            <Link to={`/customers/${customer.id}`} className="text-ui-fg-interactive">
              {customerName({ ...customer, company_name: null })} · {customer.email}
            </Link>
          ) : (
            "—"
          )}
        </Row>
        <Row label="Partner tenant">
          {reseller.acronis_tenant_id ? (
            <div className="flex flex-col">
              <Text size="small">{reseller.name} (partner)</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                under {status.data?.status.root_tenant?.name ?? "the shop's Acronis tenant"}
              </Text>
            </div>
          ) : (
            "Not yet: made when its first sub-account is provisioned"
          )}
        </Row>
      </Container>

      {failed.length > 0 && (
        <Alert variant="error" dismissible={false}>
          {failed.length} {failed.length === 1 ? "sub-account's" : "sub-accounts'"} provisioning failed:{" "}
          {failed.map((s) => s.name).join(", ")}. Read the reason below and provision again.
        </Alert>
      )}

      <Container className="p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Sub-accounts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {reseller.sub_accounts.length} in all
          </Text>
        </div>
        {reseller.sub_accounts.length ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Sub-account</Table.HeaderCell>
                <Table.HeaderCell>Account number</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Review</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Actions</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {reseller.sub_accounts.map((subAccount) => (
                <Table.Row key={subAccount.id} className="align-top">
                  <Table.Cell className="py-3">
                    <div className="flex flex-col">
                      <Text size="small" weight="plus">
                        {subAccount.name}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {SUB_ACCOUNT_KIND_LABELS[subAccount.kind]} · {subAccount.email}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {subAccount.address_1}, {subAccount.postal_code} {subAccount.city}, {subAccount.country_code.toUpperCase()}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <Text size="small">{subAccount.account_number}</Text>
                      {subAccount.activated_at && (
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          since {formatDate(subAccount.activated_at)}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex max-w-xs flex-col gap-y-1 py-2">
                      <SubAccountStatusBadge subAccount={subAccount} />
                      {subAccount.status === "pending" && subAccount.provisioning_error && (
                        <Text size="xsmall" className="text-ui-fg-error whitespace-normal">
                          {subAccount.provisioning_error}
                        </Text>
                      )}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="whitespace-normal">
                    {subAccount.status === "pending" ? <DuplicateReview resellerId={reseller.id} subAccount={subAccount} /> : "—"}
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex justify-end gap-x-2 whitespace-nowrap py-2">
                      {subAccount.status === "pending" && (
                        <Button
                          size="small"
                          variant={subAccount.provisioning_error ? "primary" : "secondary"}
                          isLoading={provision.isPending && provision.variables?.id === subAccount.id}
                          onClick={() => confirmProvision(subAccount)}
                        >
                          {subAccount.provisioning_error ? "Retry" : "Provision"}
                        </Button>
                      )}
                      <UsersDrawer resellerId={reseller.id} subAccount={subAccount} />
                    </div>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <Text size="small" className="text-ui-fg-subtle px-6 pb-4">
            No sub-accounts yet: the reseller adds them in the store.
          </Text>
        )}
      </Container>
    </div>
  )
}

export default ResellerDetailPage
