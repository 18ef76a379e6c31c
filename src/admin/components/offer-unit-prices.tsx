import { Alert, Button, Drawer, Heading, Input, Label, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import type { EditionMapping } from "../../modules/acronis/domain/licensing"
import {
  firstUnitPriceProblem,
  offerBody,
  priceableItems,
  priceCurrencies,
  toUnitPrices,
  toUnitPricesDraft,
  unitPriceProblem,
  type PriceableItem,
  type PricingCatalogue,
  type StoredOffer,
  type UnitPricesDraft,
} from "../lib/offer-unit-prices"
import { editionLabel, offeringItemLabel, unitPriceBasis } from "../../lib/display/offering-item-labels"
import { sdk } from "../lib/sdk"

const inputId = (item: string, currency: string) => `unit-price-${item}-${currency}`

/** The catalogue the offer's tenant is provisioned from (a contract's is a partner's), the edition mapping, and the currencies of the store and its regions. */
function usePricingContext(offer: StoredOffer) {
  const kind = offer.type === "contract" ? "partner" : "customer"
  const parent = typeof offer.parent_tenant_id === "string" ? offer.parent_tenant_id : null
  const catalogue = useQuery({
    queryKey: ["acronis-catalogue", kind, parent],
    queryFn: () =>
      sdk.client.fetch<{ catalogue: PricingCatalogue }>("/admin/acronis/catalogue", {
        query: { kind, ...(parent && { parent_tenant_id: parent }) },
      }),
    staleTime: 5 * 60 * 1000,
  })
  const editions = useQuery({
    queryKey: ["acronis-editions"],
    queryFn: () => sdk.client.fetch<{ edition_mapping: EditionMapping }>("/admin/acronis/editions"),
    staleTime: 5 * 60 * 1000,
  })
  const store = useQuery({
    queryKey: ["acronis-store-currencies"],
    queryFn: () => sdk.admin.store.list({ fields: "supported_currencies.*" }),
    staleTime: 5 * 60 * 1000,
  })
  // A region may sell in a currency the store settings do not list; its orders are billed in it all the same.
  const regions = useQuery({
    queryKey: ["acronis-region-currencies"],
    queryFn: () => sdk.admin.region.list({ fields: "currency_code", limit: 100 }),
    staleTime: 5 * 60 * 1000,
  })
  const supported = store.data?.stores[0]?.supported_currencies ?? []
  const storeCurrencies = [...supported].sort((a, b) => Number(!!b.is_default) - Number(!!a.is_default)).map((c) => c.currency_code)
  const regionCurrencies = (regions.data?.regions ?? []).map((r) => r.currency_code).sort()
  const mapping = editions.data?.edition_mapping
  return {
    items: priceableItems(offer, catalogue.data?.catalogue ?? null, mapping ?? null),
    currencies: priceCurrencies(offer.unit_prices, [...storeCurrencies, ...regionCurrencies]),
    isLoading: catalogue.isLoading || editions.isLoading || store.isLoading || regions.isLoading,
    catalogueError: catalogue.error ?? editions.error,
  }
}

const basisOf = (item: PriceableItem) => unitPriceBasis(item.name, item.measurement_unit) ?? "—"

/** The offer's usage prices: a table of what is priced, and a drawer to set a price per item and currency. */
export const OfferUnitPrices = ({ productId, offer }: { productId: string; offer: StoredOffer }) => {
  const { items, currencies, isLoading, catalogueError } = usePricingContext(offer)
  const prices = offer.unit_prices ?? {}
  const shown = toUnitPricesDraft(prices)
  const priced = items.filter((item) => prices[item.name])
  const pricedCurrencies = currencies.filter((currency) => priced.some((item) => prices[item.name][currency] !== undefined))

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      <div className="flex items-center justify-between">
        <div>
          <Heading level="h3">Usage prices</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {offer.type === "plan"
              ? "What the monthly statement charges for use above the plan's quota; an item without a price is charged at the seat price."
              : "What the monthly statement charges for each item used; an item without a price is not billed."}
          </Text>
        </div>
        <UnitPricesDrawer productId={productId} offer={offer} items={items} currencies={currencies} isLoading={isLoading} catalogueError={catalogueError} />
      </div>
      {priced.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Item</Table.HeaderCell>
              <Table.HeaderCell>Unit</Table.HeaderCell>
              {pricedCurrencies.map((currency) => (
                <Table.HeaderCell key={currency} className="text-right">
                  {currency.toUpperCase()}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {priced.map((item) => (
              <Table.Row key={item.name}>
                <Table.Cell>{offeringItemLabel(item.name)}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{basisOf(item)}</Table.Cell>
                {pricedCurrencies.map((currency) => (
                  <Table.Cell key={currency} className="text-right tabular-nums">
                    {shown[item.name][currency] ?? "—"}
                  </Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {offer.type === "plan" ? "No usage prices: use above the quota is charged at the seat price." : "No usage prices yet: until you set them, usage is billed at 0.00."}
        </Text>
      )}
    </div>
  )
}

type DrawerProps = {
  productId: string
  offer: StoredOffer
  items: PriceableItem[]
  currencies: string[]
  isLoading: boolean
  catalogueError: Error | null
}

/** Every item the offer can bill, grouped by edition, with a price input per currency; saves the whole offer. */
const UnitPricesDrawer = ({ productId, offer, items, currencies, isLoading, catalogueError }: DrawerProps) => {
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<UnitPricesDraft>({})
  const problem = firstUnitPriceProblem(draft, offeringItemLabel)

  const openDrawer = (next: boolean) => {
    // Each opening starts from the saved prices.
    if (next) setDraft(toUnitPricesDraft(offer.unit_prices))
    setOpen(next)
  }
  const setPrice = (item: string, currency: string, text: string) =>
    setDraft((d) => ({ ...d, [item]: { ...d[item], [currency]: text } }))

  const save = useMutation({
    mutationFn: () =>
      sdk.client.fetch(`/admin/products/${productId}/acronis-offer`, {
        method: "POST",
        body: offerBody(offer, { unit_prices: toUnitPrices(draft) }),
      }),
    onSuccess: () => {
      toast.success("Usage prices saved")
      setOpen(false)
      queryClient.invalidateQueries({ queryKey: ["acronis-offer", productId] })
    },
    onError: (error: Error) => toast.error(error.message),
  })

  // Editions first, in catalogue order; the edition-less items (shipping, notary, local storage) last.
  const editions = [...new Set(items.map((item) => item.edition))].sort((a, b) => Number(a === null) - Number(b === null))
  const groups = editions.map((edition) => ({
    edition,
    items: items.filter((item) => item.edition === edition),
  }))

  return (
    <Drawer open={open} onOpenChange={openDrawer}>
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Edit prices
        </Button>
      </Drawer.Trigger>
      {/* Wider than Medusa's 560px: an item's name beside a price input per currency. */}
      <Drawer.Content className="max-w-[680px]">
        <Drawer.Header>
          <Drawer.Title>Usage prices</Drawer.Title>
          <Drawer.Description>
            Per item and currency, in major units (0.05 is five cents). Leave a price empty to not bill that item in
            that currency.
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {offer.type === "plan" && (
            <Text size="small" className="text-ui-fg-subtle">
              A seat plan charges these only for what is used above the plan&apos;s quota; an item without a price is
              charged at the seat price.
            </Text>
          )}
          {isLoading && <Text size="small">Loading the Acronis catalogue…</Text>}
          {catalogueError && (
            <Alert variant="warning">
              The Acronis catalogue could not be read ({catalogueError.message}): only the items already priced are listed.
            </Alert>
          )}
          {!isLoading && !currencies.length && (
            <Alert variant="warning">The store has no currencies yet: add one in Settings → Store first.</Alert>
          )}
          {groups.map(({ edition, items: groupItems }) => (
            <section key={edition ?? "none"} className="flex flex-col gap-y-2" aria-labelledby={`unit-prices-${edition ?? "other"}`}>
              <Heading level="h3" id={`unit-prices-${edition ?? "other"}`}>
                {edition ? editionLabel(edition) : "Other items"}
              </Heading>
              <div className="overflow-x-auto">
                <table className="w-full">
                  <thead>
                    <tr className="text-ui-fg-subtle txt-compact-small-plus">
                      <th className="py-1 pr-3 text-left font-medium">Item</th>
                      {currencies.map((currency) => (
                        <th key={currency} className="w-[96px] px-1 py-1 text-left font-medium">
                          {currency.toUpperCase()}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {groupItems.map((item) => (
                      <tr key={item.name} className="border-ui-border-base border-t">
                        <td className="py-2 pr-3 align-top">
                          <Text size="small" weight="plus">
                            {offeringItemLabel(item.name)}
                          </Text>
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            {basisOf(item)}
                          </Text>
                        </td>
                        {currencies.map((currency) => {
                          const id = inputId(item.name, currency)
                          const text = draft[item.name]?.[currency] ?? ""
                          return (
                            <td key={currency} className="px-1 py-2 align-top">
                              <Label htmlFor={id} className="sr-only">
                                {offeringItemLabel(item.name)}, {basisOf(item)}, {currency.toUpperCase()}
                              </Label>
                              <Input
                                id={id}
                                size="small"
                                inputMode="decimal"
                                autoComplete="off"
                                placeholder="—"
                                value={text}
                                aria-invalid={!!unitPriceProblem(text)}
                                onChange={(e) => setPrice(item.name, currency, e.target.value)}
                              />
                            </td>
                          )
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </Drawer.Body>
        <Drawer.Footer className="flex items-center justify-between gap-x-2">
          <Text size="small" className="text-ui-fg-error" role="alert">
            {problem ?? ""}
          </Text>
          <div className="flex gap-x-2">
            <Drawer.Close asChild>
              <Button size="small" variant="secondary">
                Cancel
              </Button>
            </Drawer.Close>
            <Button size="small" isLoading={save.isPending} disabled={!!problem || isLoading} onClick={() => save.mutate()}>
              Save
            </Button>
          </div>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
