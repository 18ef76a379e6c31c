import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"
import { OFFER_TYPE_LABELS } from "../lib/acronis-labels"
import { orderSubscriptionsInFlux } from "../lib/order-subscriptions-flux"
import {
  AdminAcronisSubscription,
  statusColor,
  statusLabel,
} from "../lib/subscription-states"

/**
 * The order's Acronis lines and what became of each in Acronis; a staff order waits for someone to press
 * Execute. Nothing shows for an order without Acronis lines.
 */
const AcronisOrderSubscriptionsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  // Set once Execute was accepted: its lines stay `pending` until their runs claim them, and are followed till settled.
  const [executed, setExecuted] = useState(false)
  const key = ["acronis-order-subscriptions", order.id]
  const { data, isLoading } = useQuery({
    queryKey: key,
    queryFn: () =>
      sdk.client.fetch<{ subscriptions: AdminAcronisSubscription[] }>("/admin/acronis/subscriptions", {
        query: { order_id: order.id, limit: 100 },
      }),
    // Subscriptions are saved and provisioned in the background: ask again every 3 s while they change.
    refetchInterval: (query) =>
      orderSubscriptionsInFlux(query.state.data?.subscriptions, { placedAt: order.created_at, executed }) ? 3000 : false,
  })
  const execute = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/acronis/orders/${order.id}/execute`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Provisioning started in Acronis")
      setExecuted(true)
      queryClient.invalidateQueries({ queryKey: key })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const subscriptions = data?.subscriptions ?? []
  // A staff order placed by an earlier version of the plugin has no subscriptions saved until Execute (it
  // emits no `order.placed`): it can already be executed.
  const unsavedStaffOrder = !subscriptions.length && !executed && order.metadata?.acronis_staff_order === true
  if (isLoading || (!subscriptions.length && !unsavedStaffOrder)) return null
  // Lines a person must execute; once Execute was accepted they are on their way, not waiting.
  const waiting = executed ? [] : subscriptions.filter((s) => s.execution === "manual" && s.status === "pending")
  const canExecute = waiting.length > 0 || unsavedStaffOrder
  const underWay = subscriptions.some((s) => s.status === "provisioning" || s.status === "pending")
  const itemOf = (s: AdminAcronisSubscription) => order.items?.find((item) => item.id === s.line_item_id)

  const confirmExecute = async () => {
    const confirmed = await prompt({
      title: "Provision this order in Acronis?",
      description: `${waiting.length ? `${waiting.length} subscription${waiting.length === 1 ? "" : "s"}` : "The order's Acronis services"} will be created in Acronis for ${order.email ?? "the customer"}, and billing starts when each is active.`,
      confirmText: "Execute",
      variant: "confirmation",
      cancelText: "Cancel",
    })
    if (confirmed) execute.mutate()
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Acronis</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {canExecute
              ? "A staff order: nothing is created in Acronis until it is executed."
              : executed && underWay
                ? "Provisioning in Acronis: this updates by itself."
                : "What each Acronis line of this order became in Acronis."}
          </Text>
        </div>
        {canExecute && (
          <Button size="small" isLoading={execute.isPending} onClick={confirmExecute}>
            Execute
          </Button>
        )}
      </div>
      {subscriptions.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Line</Table.HeaderCell>
              <Table.HeaderCell>Service</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {subscriptions.map((s) => {
              const item = itemOf(s)
              return (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <Text size="small" weight="plus">
                      {item ? [item.product_title ?? item.title, item.variant_title].filter(Boolean).join(" — ") : OFFER_TYPE_LABELS[s.type] ?? s.type}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {OFFER_TYPE_LABELS[s.type] ?? s.type}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="small">{s.service_name}</Text>
                    {s.status === "failed" && s.last_error?.message && (
                      <Text size="xsmall" className="text-ui-fg-error">
                        {s.last_error.message}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={statusColor(s.status)}>
                      {/* An executed line not yet claimed by its run is no longer waiting for anyone. */}
                      {statusLabel(executed ? { ...s, execution: "automatic" } : s)}
                    </StatusBadge>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Link to={`/acronis/subscriptions/${s.id}`} className="text-ui-fg-interactive txt-compact-small">
                      Open
                    </Link>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default AcronisOrderSubscriptionsWidget
