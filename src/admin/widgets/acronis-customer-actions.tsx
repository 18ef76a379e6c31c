import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { OFFER_TYPE_LABELS } from "../lib/acronis-labels"
import { MakeResellerDrawer } from "../routes/acronis/resellers/components/make-reseller-drawer"
import { sdk } from "../lib/sdk"
import {
  AdminAcronisSubscription,
  statusColor,
  shortDate,
  statusLabel,
} from "../lib/subscription-states"

type Reseller = { id: string; name: string; status: string }
type SubAccount = {
  id: string
  kind: string
  name: string
  email: string
  status: string
  account_number: string
  provisioning_error: string | null
  users?: { id: string }[]
}

const SUB_ACCOUNT_COLORS: Record<string, "green" | "orange" | "red" | "grey"> = { active: "green", pending: "orange", failed: "red" }

/**
 * The customer's Acronis at a glance: the subscriptions, and, for a customer who acts for a reseller, the
 * reseller and its sub-accounts; with the entry to the "add product to customer" wizard.
 */
const AcronisCustomerActionsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const queryClient = useQueryClient()
  const subscriptions = useQuery({
    queryKey: ["acronis-customer-subscriptions", customer.id],
    queryFn: () =>
      sdk.client.fetch<{ subscriptions: AdminAcronisSubscription[]; count: number }>("/admin/acronis/subscriptions", {
        query: { customer_id: customer.id, limit: 50 },
      }),
  })
  const reseller = useQuery({
    queryKey: ["acronis-customer-reseller", customer.id],
    queryFn: async () => {
      const { resellers } = await sdk.client.fetch<{ resellers: Reseller[] }>("/admin/acronis/resellers", {
        query: { customer_id: customer.id },
      })
      if (!resellers.length) return null
      return (await sdk.client.fetch<{ reseller: Reseller & { sub_accounts: SubAccount[] } }>(`/admin/acronis/resellers/${resellers[0].id}`)).reseller
    },
  })
  const list = subscriptions.data?.subscriptions ?? []
  const count = subscriptions.data?.count ?? 0
  const actsFor = reseller.data

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <div className="flex items-center gap-x-2">
            <Heading level="h2">Acronis</Heading>
            {reseller.isSuccess &&
              (actsFor ? (
                <Link to={`/acronis/resellers/${actsFor.id}`}>
                  <Badge color="blue" size="2xsmall">
                    Reseller: {actsFor.name}
                  </Badge>
                </Link>
              ) : (
                <Badge size="2xsmall">Not a reseller</Badge>
              ))}
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            {count ? `${count} subscription${count === 1 ? "" : "s"}` : "No Acronis subscriptions yet."}
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {reseller.isSuccess && !actsFor && (
            <MakeResellerDrawer
              customer={customer}
              onCreated={() => {
                queryClient.invalidateQueries({ queryKey: ["acronis-customer-reseller", customer.id] })
                queryClient.invalidateQueries({ queryKey: ["acronis-resellers"] })
              }}
            />
          )}
          <Link to={`/acronis/add-product?customer_id=${customer.id}`}>
            <Button size="small" variant="secondary">
              Add product
            </Button>
          </Link>
        </div>
      </div>
      {list.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Service</Table.HeaderCell>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Since</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.map((s) => (
              <Table.Row key={s.id}>
                <Table.Cell>
                  <Text size="small">{s.service_name}</Text>
                  {s.login && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      Login {s.login}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>{OFFER_TYPE_LABELS[s.type] ?? s.type}</Table.Cell>
                <Table.Cell>
                  <StatusBadge color={statusColor(s.status)}>{statusLabel(s)}</StatusBadge>
                </Table.Cell>
                <Table.Cell>{shortDate(s.activated_at ?? s.created_at)}</Table.Cell>
                <Table.Cell className="text-right">
                  <Link to={`/acronis/subscriptions/${s.id}`} className="text-ui-fg-interactive txt-compact-small">
                    Open
                  </Link>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {actsFor && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            Sub-accounts of {actsFor.name}
          </Text>
          {actsFor.sub_accounts.length === 0 && (
            <Text size="small" className="text-ui-fg-subtle">
              None yet: the reseller adds them in the store.
            </Text>
          )}
          {actsFor.sub_accounts.map((a) => (
            <div key={a.id} className="flex items-start justify-between gap-x-4">
              <div>
                <Text size="small">{a.name}</Text>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {a.email} · account {a.account_number} · {a.users?.length ?? 0} user{a.users?.length === 1 ? "" : "s"}
                </Text>
                {a.provisioning_error && (
                  <Text size="xsmall" className="text-ui-fg-error">
                    {a.provisioning_error}
                  </Text>
                )}
              </div>
              <StatusBadge color={SUB_ACCOUNT_COLORS[a.status] ?? "grey"}>{a.status[0].toUpperCase() + a.status.slice(1)}</StatusBadge>
            </div>
          ))}
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default AcronisCustomerActionsWidget
