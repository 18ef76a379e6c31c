import { Alert, Button, Drawer, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { FILE_SYNC_SHARE_MODEL_LABELS, PROTECTION_MODEL_LABELS } from "../../../../lib/acronis-labels"
import { type AcronisSubscription, formatMoney } from "../../../../lib/acronis-subscriptions"
import { sdk } from "../../../../lib/sdk"

type ChangeType = "licensing_model" | "contract_tier" | "seats" | "billing_interval"

const CHANGE_LABELS: Record<ChangeType, string> = {
  licensing_model: "Licensing model",
  contract_tier: "Contract tier",
  seats: "Seats",
  billing_interval: "Billing interval",
}

// Which changes each kind of subscription allows (README "Changes on a live subscription").
const CHANGES_BY_TYPE: Record<AcronisSubscription["type"], ChangeType[]> = {
  ppu: ["licensing_model"],
  contract: ["contract_tier"],
  plan: ["seats", "billing_interval"],
}

type Preview = {
  outcome: "changed" | "unchanged" | "cancelled"
  currency_code: string
  change: { description: string; timing: "immediate" | "scheduled"; effective_on: string } | null
  months: { period: string; without: { total: string }; with: { total: string }; difference: string }[]
  difference: string
}

type Draft = { type: ChangeType; protection: string; fileSync: string; offerId: string; seats: string; interval: string }

function bodyOf(draft: Draft): Record<string, unknown> {
  switch (draft.type) {
    case "licensing_model":
      return {
        type: "licensing_model",
        ...(draft.protection && { protection_licensing_model: draft.protection }),
        ...(draft.fileSync && { file_sync_share_licensing_model: draft.fileSync }),
      }
    case "contract_tier":
      return { type: "contract_tier", offer_id: draft.offerId }
    case "seats":
      return { type: "seats", seats: Number(draft.seats) }
    case "billing_interval":
      return { type: "billing_interval", interval: draft.interval }
  }
}

/** The contract products the subscription could move to, by product title and tier. */
function useContractOffers(enabled: boolean) {
  return useQuery({
    queryKey: ["acronis-contract-offers"],
    enabled,
    queryFn: async () => {
      const { products } = await sdk.admin.product.list({ limit: 100, fields: "id,title,*acronis_offer" })
      return products
        .map((p) => ({ title: p.title, offer: (p as unknown as { acronis_offer?: { id: string; type: string; contract_tier: number | null } }).acronis_offer }))
        .filter((p) => p.offer?.type === "contract")
        .map((p) => ({ id: p.offer!.id, label: `${p.title} — tier ${p.offer!.contract_tier ?? "?"}` }))
    },
  })
}

/**
 * Changes a live subscription's terms: the change's cost is previewed first (each month it alters, billed
 * with and without it), and only a previewed change can be confirmed.
 */
export const ChangeTermsDrawer = ({ subscription, onChanged }: { subscription: AcronisSubscription; onChanged: () => void }) => {
  const allowed = CHANGES_BY_TYPE[subscription.type]
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<Draft>({ type: allowed[0], protection: "", fileSync: "", offerId: "", seats: "", interval: "" })
  const [preview, setPreview] = useState<{ body: string; result: Preview } | null>(null)
  const offers = useContractOffers(open && draft.type === "contract_tier")
  const body = bodyOf(draft)
  const previewed = preview?.body === JSON.stringify(body) ? preview.result : null
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const previewChange = useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ preview: Preview }>(`/admin/acronis/subscriptions/${subscription.id}/changes/preview`, { method: "POST", body }),
    onSuccess: ({ preview: result }) => setPreview({ body: JSON.stringify(body), result }),
    onError: (error: Error) => toast.error(error.message),
  })
  const confirm = useMutation({
    mutationFn: () => sdk.client.fetch<{ outcome: string }>(`/admin/acronis/subscriptions/${subscription.id}/changes`, { method: "POST", body }),
    onSuccess: ({ outcome }) => {
      toast.success(outcome === "unchanged" ? "The subscription already has these terms" : "Change confirmed")
      setOpen(false)
      setPreview(null)
      onChanged()
    },
    onError: (error: Error) => toast.error(error.message),
  })

  return (
    <Drawer open={open} onOpenChange={setOpen}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Change terms
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Change {subscription.service_name}</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          <div className="flex flex-col gap-y-1">
            <Label size="small">What to change</Label>
            <Select value={draft.type} onValueChange={(type) => update({ type: type as ChangeType })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {allowed.map((type) => (
                  <Select.Item key={type} value={type}>
                    {CHANGE_LABELS[type]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          {draft.type === "licensing_model" && (
            <>
              <ModelSelect
                label="Cyber Protection"
                current={subscription.protection_licensing_model}
                labels={PROTECTION_MODEL_LABELS}
                value={draft.protection}
                onChange={(protection) => update({ protection })}
              />
              <ModelSelect
                label="File Sync & Share"
                current={subscription.file_sync_share_licensing_model}
                labels={FILE_SYNC_SHARE_MODEL_LABELS}
                value={draft.fileSync}
                onChange={(fileSync) => update({ fileSync })}
              />
            </>
          )}
          {draft.type === "contract_tier" && (
            <div className="flex flex-col gap-y-1">
              <Label size="small">New contract</Label>
              <Select value={draft.offerId} onValueChange={(offerId) => update({ offerId })}>
                <Select.Trigger>
                  <Select.Value placeholder={offers.isLoading ? "Loading…" : "Choose a contract product"} />
                </Select.Trigger>
                <Select.Content>
                  {(offers.data ?? [])
                    .filter((o) => o.id !== subscription.offer_id)
                    .map((o) => (
                      <Select.Item key={o.id} value={o.id}>
                        {o.label}
                      </Select.Item>
                    ))}
                </Select.Content>
              </Select>
            </div>
          )}
          {draft.type === "seats" && (
            <div className="flex flex-col gap-y-1">
              <Label size="small">Seats</Label>
              <Input type="number" min={1} value={draft.seats} onChange={(e) => update({ seats: e.target.value })} />
              <Text size="xsmall" className="text-ui-fg-subtle">
                More seats apply at once; fewer from the next fee period.
              </Text>
            </div>
          )}
          {draft.type === "billing_interval" && (
            <div className="flex flex-col gap-y-1">
              <Label size="small">Billed</Label>
              <Select value={draft.interval} onValueChange={(interval) => update({ interval })}>
                <Select.Trigger>
                  <Select.Value placeholder="Choose" />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="month">Monthly</Select.Item>
                  <Select.Item value="year">Yearly</Select.Item>
                </Select.Content>
              </Select>
              <Text size="xsmall" className="text-ui-fg-subtle">
                Takes effect from the next fee period.
              </Text>
            </div>
          )}
          {previewed && <PreviewTable preview={previewed} />}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          {previewed ? (
            <Button size="small" isLoading={confirm.isPending} onClick={() => confirm.mutate()}>
              Confirm change
            </Button>
          ) : (
            <Button size="small" isLoading={previewChange.isPending} onClick={() => previewChange.mutate()}>
              Preview cost
            </Button>
          )}
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const ModelSelect = (props: {
  label: string
  current: string | null
  labels: Record<string, string>
  value: string
  onChange: (value: string) => void
}) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small">{props.label}</Label>
    <Select value={props.value} onValueChange={props.onChange}>
      <Select.Trigger>
        <Select.Value placeholder={`Keep ${props.current ? props.labels[props.current] ?? props.current : "as is"}`} />
      </Select.Trigger>
      <Select.Content>
        {Object.entries(props.labels).map(([value, label]) => (
          <Select.Item key={value} value={value}>
            {label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

const PreviewTable = ({ preview }: { preview: Preview }) => (
  <div className="flex flex-col gap-y-2">
    {preview.outcome === "unchanged" ? (
      <Alert>The subscription already has these terms: confirming changes nothing.</Alert>
    ) : (
      preview.change && (
        <Alert variant="info">{preview.change.description}.</Alert>
      )
    )}
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Month</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Now</Table.HeaderCell>
          <Table.HeaderCell className="text-right">With the change</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Difference</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {preview.months.map((month) => (
          <Table.Row key={month.period}>
            <Table.Cell>{month.period}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(month.without.total, preview.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(month.with.total, preview.currency_code)}</Table.Cell>
            <Table.Cell className="text-right">{formatMoney(month.difference, preview.currency_code)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
    <Text size="xsmall" className="text-ui-fg-subtle">
      Projected to each month's end at the usage synced so far. In total: {formatMoney(preview.difference, preview.currency_code)}.
    </Text>
  </div>
)
