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
  StatusBadge,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useNavigate } from "react-router-dom"
import { customerName, formatDate } from "../../../lib/acronis-subscriptions"
import { sdk } from "../../../lib/sdk"
import type { ResellerRow } from "./components/types"

const PAGE_SIZE = 20

const columnHelper = createDataTableColumnHelper<ResellerRow>()
const filterHelper = createDataTableFilterHelper<ResellerRow>()

/** How many sub-accounts wait for provisioning, and how many of those failed. */
function subAccountSummary(row: ResellerRow) {
  const pending = row.sub_accounts.filter((s) => s.status === "pending")
  return { total: row.sub_accounts.length, pending: pending.length, failed: pending.filter((s) => s.provisioning_error).length }
}

/** The resellers: who acts for each, its sub-accounts and which of them need staff. */
const ResellersPage = () => {
  const navigate = useNavigate()
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})
  const [search, setSearch] = useState("")

  const list = useQuery({
    queryKey: ["acronis-resellers", "list", search, filtering, pagination],
    queryFn: () =>
      sdk.client.fetch<{ resellers: ResellerRow[]; count: number }>("/admin/acronis/resellers", {
        query: {
          limit: pagination.pageSize,
          offset: pagination.pageIndex * pagination.pageSize,
          ...(search && { q: search }),
          ...(typeof filtering.status === "string" && { status: filtering.status }),
        },
      }),
    placeholderData: keepPreviousData,
  })

  const columns = useMemo(
    () => [
      columnHelper.accessor("name", {
        header: "Reseller",
        cell: ({ getValue }) => (
          <Text size="small" weight="plus">
            {getValue()}
          </Text>
        ),
      }),
      columnHelper.accessor("customers", {
        header: "Acting customer",
        cell: ({ getValue }) => {
          const [customer] = getValue()
          return customer ? (
            <div className="flex flex-col">
              <Text size="small">{customerName({ ...customer, company_name: null })}</Text>
              <Text size="xsmall" className="text-ui-fg-subtle">
                {customer.email}
              </Text>
            </div>
          ) : (
            "—"
          )
        },
      }),
      columnHelper.display({
        id: "sub_accounts",
        header: "Sub-accounts",
        cell: ({ row }) => {
          const { total, pending, failed } = subAccountSummary(row.original)
          return (
            <div className="flex items-center gap-x-2">
              <Text size="small">{total}</Text>
              {failed > 0 && (
                <Badge size="2xsmall" color="red">
                  {failed} failed
                </Badge>
              )}
              {pending - failed > 0 && (
                <Badge size="2xsmall" color="orange">
                  {pending - failed} pending
                </Badge>
              )}
            </div>
          )
        },
      }),
      columnHelper.accessor("acronis_tenant_id", {
        header: "Partner tenant",
        cell: ({ getValue }) => (getValue() ? "Created" : "Not yet (made with the first sub-account)"),
      }),
      columnHelper.accessor("status", {
        header: "Status",
        cell: ({ getValue }) =>
          getValue() === "active" ? <StatusBadge color="green">Active</StatusBadge> : <StatusBadge color="grey">Disabled</StatusBadge>,
      }),
      columnHelper.accessor("created_at", { header: "Since", cell: ({ getValue }) => formatDate(getValue()) }),
    ],
    []
  )

  const filters = useMemo(
    () => [
      filterHelper.accessor("status", {
        type: "select",
        label: "Status",
        options: [
          { value: "active", label: "Active" },
          { value: "disabled", label: "Disabled" },
        ],
      }),
    ],
    []
  )

  const table = useDataTable({
    columns,
    data: list.data?.resellers ?? [],
    getRowId: (row) => row.id,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    search: { state: search, onSearchChange: setSearch },
    pagination: { state: pagination, onPaginationChange: setPagination },
    onRowClick: (_, row) => navigate(`/acronis/resellers/${row.id}`),
  })

  return (
    <Container className="p-0">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-center justify-between px-6 py-4">
          <div className="flex flex-col">
            <Heading>Resellers</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Companies reselling Acronis to their own customers through sub-accounts
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <DataTable.Search placeholder="Search by name" />
            <DataTable.FilterMenu tooltip="Filter" />
          </div>
        </DataTable.Toolbar>
        <DataTable.Table
          emptyState={{
            empty: { heading: "No resellers yet", description: "Make a customer a reseller with Make reseller on the customer's page." },
            filtered: { heading: "No resellers match", description: "Change the search or the filters." },
          }}
        />
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Resellers", rank: 2 })

export default ResellersPage
