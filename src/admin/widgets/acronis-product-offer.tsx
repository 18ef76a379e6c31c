import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { DetailWidgetProps, AdminProduct } from "@medusajs/framework/types"
import { Badge, Button, Checkbox, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import {
  CONTRACT_CURRENCIES,
  FILE_SYNC_SHARE_MODEL_LABELS,
  OFFER_TYPE_LABELS,
  PROTECTION_MODEL_LABELS,
} from "../lib/acronis-labels"
import { OfferUnitPrices } from "../components/offer-unit-prices"
import { offerBody, type StoredOffer } from "../lib/offer-unit-prices"
import { sdk } from "../lib/sdk"

type Offer = StoredOffer & {
  id: string
  protection_models: string[]
  file_sync_share_models: string[]
  contract_tier: number | null
  commitments: Record<string, number> | null
  plan: Record<string, unknown> | null
}

type Draft = {
  type: "ppu" | "contract"
  protection_models: string[]
  file_sync_share_models: string[]
  contract_tier: string
  commitments: Record<string, string>
}

const toggle = (values: string[], value: string) =>
  values.includes(value) ? values.filter((v) => v !== value) : [...values, value]

const draftFrom = (offer: Offer | null): Draft => ({
  type: offer?.type === "contract" ? "contract" : "ppu",
  protection_models: offer?.protection_models?.length ? offer.protection_models : ["per_gigabyte", "per_workload"],
  file_sync_share_models: offer?.file_sync_share_models?.length ? offer.file_sync_share_models : ["per_user", "per_workload"],
  contract_tier: String(offer?.contract_tier ?? 0),
  commitments: Object.fromEntries(
    CONTRACT_CURRENCIES.map((c) => [c, offer?.commitments?.[c] !== undefined ? String(offer.commitments[c]) : ""])
  ),
})

/** Makes a product an Acronis product: which kind, which licensing models or which contract tier. */
const AcronisProductOfferWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const key = ["acronis-offer", product.id]
  const { data, isLoading } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ acronis_offer: Offer | null }>(`/admin/products/${product.id}/acronis-offer`),
  })
  const offer = data?.acronis_offer ?? null
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<Draft>(draftFrom(null))
  useEffect(() => setDraft(draftFrom(offer)), [offer?.id])

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch(`/admin/products/${product.id}/acronis-offer`, { method: "POST", body }),
    onSuccess: () => {
      toast.success("Acronis offer saved")
      setEditing(false)
      queryClient.invalidateQueries({ queryKey: key })
    },
    onError: (error: Error) => toast.error(error.message),
  })
  const remove = useMutation({
    mutationFn: () => sdk.client.fetch(`/admin/products/${product.id}/acronis-offer`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success("This product is no longer an Acronis product")
      queryClient.invalidateQueries({ queryKey: key })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  // An existing offer keeps what this form does not edit (its usage prices, items, storage basis…).
  const send = (changes: Partial<StoredOffer>) => save.mutate(offer ? offerBody(offer, changes) : changes)
  const submit = () => {
    if (draft.type === "ppu") {
      send({
        type: "ppu",
        protection_models: draft.protection_models,
        file_sync_share_models: draft.file_sync_share_models,
      })
      return
    }
    const commitments = Object.fromEntries(
      Object.entries(draft.commitments)
        .filter(([, value]) => value.trim() !== "")
        .map(([currency, value]) => [currency, Number(value)])
    )
    send({ type: "contract", contract_tier: Number(draft.contract_tier), commitments })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Acronis</Heading>
        {offer ? <Badge color="green">{OFFER_TYPE_LABELS[offer.type]}</Badge> : <Badge>Not an Acronis product</Badge>}
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {!isLoading && !editing && (
        <div className="flex flex-col gap-y-2 px-6 py-4">
          {offer?.type === "ppu" && (
            <>
              <Text size="small">
                Protection: {offer.protection_models.map((m) => PROTECTION_MODEL_LABELS[m]).join(", ")}
              </Text>
              <Text size="small">
                File Sync & Share: {offer.file_sync_share_models.map((m) => FILE_SYNC_SHARE_MODEL_LABELS[m]).join(", ")}
              </Text>
            </>
          )}
          {offer?.type === "contract" && (
            <Text size="small">
              Tier {offer.contract_tier}; minimum monthly commitment{" "}
              {Object.entries(offer.commitments ?? {})
                .map(([currency, amount]) => `${amount} ${currency.toUpperCase()}`)
                .join(", ") || "none"}
            </Text>
          )}
          {offer?.type === "plan" && <Text size="small">Seat plan ({String(offer.plan?.deployment)}, {String(offer.plan?.payment)})</Text>}
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
              {offer ? "Edit" : "Sell through Acronis"}
            </Button>
            {offer && (
              <Button size="small" variant="danger" isLoading={remove.isPending} onClick={() => remove.mutate()}>
                Remove
              </Button>
            )}
          </div>
        </div>
      )}
      {!isLoading && !editing && offer && <OfferUnitPrices productId={product.id} offer={offer} />}
      {editing && (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <div>
            <Label>Product type</Label>
            <Select value={draft.type} onValueChange={(type) => setDraft({ ...draft, type: type as Draft["type"] })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="ppu">{OFFER_TYPE_LABELS.ppu}</Select.Item>
                <Select.Item value="contract">{OFFER_TYPE_LABELS.contract}</Select.Item>
              </Select.Content>
            </Select>
          </div>
          {draft.type === "ppu" && (
            <>
              <fieldset className="flex flex-col gap-y-2">
                <Label>Protection licensing models offered</Label>
                {Object.entries(PROTECTION_MODEL_LABELS).map(([value, label]) => (
                  <div key={value} className="flex items-center gap-x-2">
                    <Checkbox
                      id={`protection-${value}`}
                      checked={draft.protection_models.includes(value)}
                      onCheckedChange={() => setDraft({ ...draft, protection_models: toggle(draft.protection_models, value) })}
                    />
                    <Label htmlFor={`protection-${value}`}>{label}</Label>
                  </div>
                ))}
              </fieldset>
              <fieldset className="flex flex-col gap-y-2">
                <Label>File Sync & Share licensing models offered</Label>
                {Object.entries(FILE_SYNC_SHARE_MODEL_LABELS).map(([value, label]) => (
                  <div key={value} className="flex items-center gap-x-2">
                    <Checkbox
                      id={`fss-${value}`}
                      checked={draft.file_sync_share_models.includes(value)}
                      onCheckedChange={() =>
                        setDraft({ ...draft, file_sync_share_models: toggle(draft.file_sync_share_models, value) })
                      }
                    />
                    <Label htmlFor={`fss-${value}`}>{label}</Label>
                  </div>
                ))}
              </fieldset>
            </>
          )}
          {draft.type === "contract" && (
            <>
              <div>
                <Label htmlFor="contract-tier">Tier (0–7)</Label>
                <Input
                  id="contract-tier"
                  type="number"
                  min={0}
                  max={7}
                  value={draft.contract_tier}
                  onChange={(e) => setDraft({ ...draft, contract_tier: e.target.value })}
                />
              </div>
              <div className="grid grid-cols-3 gap-2">
                {CONTRACT_CURRENCIES.map((currency) => (
                  <div key={currency}>
                    <Label htmlFor={`commitment-${currency}`}>Commitment {currency.toUpperCase()}</Label>
                    <Input
                      id={`commitment-${currency}`}
                      type="number"
                      min={0}
                      value={draft.commitments[currency]}
                      onChange={(e) => setDraft({ ...draft, commitments: { ...draft.commitments, [currency]: e.target.value } })}
                    />
                  </div>
                ))}
              </div>
            </>
          )}
          <div className="flex gap-x-2">
            <Button size="small" isLoading={save.isPending} onClick={submit}>
              Save
            </Button>
            <Button size="small" variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default AcronisProductOfferWidget
