import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Badge,
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import {
  type AcronisSubscription,
  customerName,
  formatDate,
  provisioningStepName,
  SUBSCRIPTION_STATUS_LABELS,
  SUBSCRIPTION_TYPE_LABELS,
  useCustomers,
  useResellers,
} from "../../../lib/acronis-subscriptions"
import { sdk } from "../../../lib/sdk"
import { SubscriptionStatusBadge } from "./components/subscription-status-badge"

type ListAnswer = { subscriptions: AcronisSubscription[]; count: number }

const PAGE_SIZE = 20

const listSubscriptions = (query: Record<string, unknown>) =>
  sdk.client.fetch<ListAnswer>("/admin/acronis/subscriptions", { query })

/** Turns the table's filters into the list route's query: `status` and `type` may hold several values. */
function queryOf(filtering: DataTableFilteringState, pagination: DataTablePaginationState) {
  const query: Record<string, unknown> = { limit: pagination.pageSize, offset: pagination.pageIndex * pagination.pageSize }
  for (const key of ["status", "type", "customer_id", "reseller_id"]) {
    const value = filtering[key]
    if (Array.isArray(value) ? value.length : value) query[key] = value
  }
  return query
}

const columnHelper = createDataTableColumnHelper<AcronisSubscription>()
const filterHelper = createDataTableFilterHelper<AcronisSubscription>()

/** Every Acronis subscription: those staff must act on first, then all, filtered by status, type, customer or reseller. */
const SubscriptionsPage = () => {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})

  const attention = useQuery({
    queryKey: ["acronis-subscriptions", "attention"],
    queryFn: () => listSubscriptions({ needs_attention: "true", limit: 50 }),
  })
  const list = useQuery({
    queryKey: ["acronis-subscriptions", filtering, pagination],
    queryFn: () => listSubscriptions(queryOf(filtering, pagination)),
    placeholderData: keepPreviousData,
  })
  const resellers = useResellers()
  const allCustomers = useQuery({
    queryKey: ["acronis-subscription-customer-options"],
    queryFn: () => sdk.admin.customer.list({ limit: 100, fields: "id,email,first_name,last_name,company_name", order: "email" }),
  })
  const rows = list.data?.subscriptions ?? []
  const attentionRows = attention.data?.subscriptions ?? []
  const customers = useCustomers([...rows, ...attentionRows].map((s) => s.customer_id))
  const orderIds = [...new Set([...rows, ...attentionRows].map((s) => s.order_id))].sort()
  const orders = useQuery({
    queryKey: ["acronis-subscription-orders", orderIds],
    enabled: orderIds.length > 0,
    queryFn: () => sdk.admin.order.list({ id: orderIds, limit: orderIds.length, fields: "id,display_id,metadata" }),
  })
  const orderOf = (id: string) => orders.data?.orders.find((o) => o.id === id)
  const resellerName = (id: string | null) => (id ? resellers.data?.resellers.find((r) => r.id === id)?.name ?? "…" : "—")

  const columns = useMemo(
    () => [
      columnHelper.accessor("service_name", {
        header: "Service",
        cell: ({ row }) => (
          <div className="flex flex-col">
            <Text size="small" weight="plus">
              {row.original.service_name}
            </Text>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {SUBSCRIPTION_TYPE_LABELS[row.original.type]}
            </Text>
          </div>
        ),
      }),
      columnHelper.accessor("customer_id", {
        header: "Customer",
        cell: ({ getValue }) => {
          const customer = customers.data?.[getValue()]
          return (
            <div className="flex flex-col">
              <Text size="small">{customerName(customer)}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {customer?.email}
              </Text>
            </div>
          )
        },
      }),
      columnHelper.accessor("order_id", {
        header: "Order",
        cell: ({ getValue }) => {
          const order = orderOf(getValue())
          const reference = order?.metadata?.acronis_reference
          return (
            <div className="flex flex-col">
              <Text size="small">{order ? `#${order.display_id}` : "…"}</Text>
              {typeof reference === "string" && (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {reference}
                </Text>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("reseller_id", { header: "Reseller", cell: ({ getValue }) => resellerName(getValue()) }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ row }) => <SubscriptionStatusBadge subscription={row.original} />,
      }),
      columnHelper.accessor("created_at", { header: "Ordered", cell: ({ getValue }) => formatDate(getValue()) }),
    ],
    [customers.data, resellers.data, orders.data]
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "multiselect",
        label: "Status",
        options: Object.entries(SUBSCRIPTION_STATUS_LABELS).map(([value, label]) => ({ value, label })),
      }),
      filterHelper.accessor("type", {
        type: "multiselect",
        label: "Type",
        options: Object.entries(SUBSCRIPTION_TYPE_LABELS).map(([value, label]) => ({ value, label })),
      }),
      filterHelper.accessor("customer_id", {
        type: "select",
        label: "Customer",
        options: (allCustomers.data?.customers ?? []).map((c) => ({ value: c.id, label: `${customerName(c as never)} · ${c.email}` })),
      }),
      filterHelper.accessor("reseller_id", {
        type: "select",
        label: "Reseller",
        options: (resellers.data?.resellers ?? []).map((r) => ({ value: r.id, label: r.name })),
      }),
    ],
    [allCustomers.data, resellers.data]
  )

  // Why each one needs attention: the list route gives failed ones and those with a statement on hold.
  const attentionColumns = useMemo(
    () => [
      ...columns.slice(0, 3),
      columnHelper.display({
        id: "why",
        header: "Why",
        cell: ({ row }) =>
          row.original.status === "failed"
            ? `Provisioning failed${row.original.last_error?.step ? `: ${provisioningStepName(row.original.last_error.step)}` : ""}`
            : "A month's statement is on hold",
      }),
      ...columns.slice(4),
    ],
    [columns]
  )

  const open = (_: unknown, row: AcronisSubscription) => navigate(`/acronis/subscriptions/${row.id}`)
  const table = useDataTable({
    columns,
    data: rows,
    getRowId: (row) => row.id,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: open,
  })
  const attentionTable = useDataTable({
    columns: attentionColumns,
    data: attentionRows,
    getRowId: (row) => row.id,
    rowCount: attentionRows.length,
    isLoading: attention.isLoading,
    onRowClick: open,
  })
  const attentionCount = attention.data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3">
      {attentionCount > 0 && (
        <Container className="p-0">
          <DataTable instance={attentionTable}>
            <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
              <div className="flex items-center gap-x-2">
                <Heading level="h2">Needs attention</Heading>
                <Badge size="2xsmall" color="red">
                  {attentionCount}
                </Badge>
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                Failed provisioning, or a month's statement on hold
              </Text>
            </DataTable.Toolbar>
            <DataTable.Table />
          </DataTable>
        </Container>
      )}
      <Container className="p-0">
        <DataTable instance={table}>
          <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
            <div className="flex items-center gap-x-2">
              <Heading>Acronis subscriptions</Heading>
              {attentionCount > 0 && (
                <Badge size="2xsmall" color="red">
                  {attentionCount} {attentionCount === 1 ? "needs" : "need"} attention
                </Badge>
              )}
            </div>
            <DataTable.FilterMenu tooltip="Filter" />
          </DataTable.Toolbar>
          <DataTable.Table
            emptyState={{
              empty: { heading: "No subscriptions yet", description: "An order with an Acronis product makes one." },
              filtered: { heading: "No subscriptions match", description: "Change or clear the filters." },
            }}
          />
          <DataTable.Pagination />
        </DataTable>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Subscriptions", rank: 1 })

export default SubscriptionsPage
