import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { sdk } from "../lib/sdk"
import { OFFER_TYPE_LABELS } from "../lib/acronis-labels"
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
  const key = ["acronis-order-subscriptions", order.id]
  const { data, isLoading } = useQuery({
    queryKey: key,
    queryFn: () =>
      sdk.client.fetch<{ subscriptions: AdminAcronisSubscription[] }>("/admin/acronis/subscriptions", {
        query: { order_id: order.id, limit: 100 },
      }),
    // Provisioning runs in the background: follow it until nothing is under way.
    refetchInterval: (query) =>
      query.state.data?.subscriptions.some((s) => s.status === "provisioning") ? 3000 : false,
  })
  const execute = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/acronis/orders/${order.id}/execute`, { method: "POST" }),
    onSuccess: () => {
      toast.success("Provisioning started in Acronis")
      queryClient.invalidateQueries({ queryKey: key })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  const subscriptions = data?.subscriptions ?? []
  if (isLoading || !subscriptions.length) return null
  const waiting = subscriptions.filter((s) => s.execution === "manual" && s.status === "pending")
  const itemOf = (s: AdminAcronisSubscription) => order.items?.find((item) => item.id === s.line_item_id)

  const confirmExecute = async () => {
    const confirmed = await prompt({
      title: "Provision this order in Acronis?",
      description: `${waiting.length} subscription${waiting.length === 1 ? "" : "s"} will be created in Acronis for ${order.email ?? "the customer"}, and billing starts when each is active.`,
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
            {waiting.length
              ? "A staff order: nothing is created in Acronis until it is executed."
              : "What each Acronis line of this order became in Acronis."}
          </Text>
        </div>
        {waiting.length > 0 && (
          <Button size="small" isLoading={execute.isPending} onClick={confirmExecute}>
            Execute
          </Button>
        )}
      </div>
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
                  {s.status === "failed" && s.last_error && (
                    <Text size="xsmall" className="text-ui-fg-error">
                      {s.last_error}
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge color={statusColor(s.status)}>
                    {statusLabel(s)}
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
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default AcronisOrderSubscriptionsWidget
