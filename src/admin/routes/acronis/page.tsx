import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CloudArrowUp } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useQuery } from "@tanstack/react-query"
import { editionLabel, measurementUnitLabel, offeringItemLabel } from "../../../lib/display/offering-item-labels"
import type { AcronisStatus as Status } from "../../lib/acronis-status"
import { sdk } from "../../lib/sdk"


type Catalogue = {
  editions: string[]
  offering_items: { name: string; edition: string | null; measurement_unit: string; infra_id?: string | null }[]
  storages?: { id: string; name: string }[]
}

type CatalogueRow = { key: string; item: string; edition: string; storage: string; unit: string }

/**
 * One row per item, edition and storage, named for people: an item Acronis lists twice in the same place
 * shows once; a storage item says where it stores.
 */
const catalogueRows = (catalogue: Catalogue): CatalogueRow[] => {
  const storageNames = new Map((catalogue.storages ?? []).map((s) => [s.id, s.name]))
  const rows = new Map<string, CatalogueRow>()
  for (const item of catalogue.offering_items) {
    const key = `${item.name}@${item.edition ?? ""}@${item.infra_id ?? ""}`
    rows.set(key, {
      key,
      item: offeringItemLabel(item.name),
      edition: editionLabel(item.edition),
      storage: item.infra_id ? storageNames.get(item.infra_id) ?? "Unnamed storage" : "—",
      unit: measurementUnitLabel(item.measurement_unit) || "—",
    })
  }
  return [...rows.values()].sort((a, b) => a.edition.localeCompare(b.edition) || a.item.localeCompare(b.item) || a.storage.localeCompare(b.storage))
}

/** The plugin at a glance: which Acronis it talks to, and what the root tenant can sell. */
const AcronisPage = () => {
  const status = useQuery({
    queryKey: ["acronis-status"],
    queryFn: () => sdk.client.fetch<{ status: Status }>("/admin/acronis/status"),
  })
  const catalogue = useQuery({
    queryKey: ["acronis-catalogue"],
    queryFn: () => sdk.client.fetch<{ catalogue: Catalogue }>("/admin/acronis/catalogue?kind=customer"),
  })
  const s = status.data?.status

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading>Acronis</Heading>
          <div className="flex items-center gap-x-2">
            {s && <Badge color={s.mode === "live" ? "green" : "orange"}>{s.mode === "live" ? "Live" : "Sandbox"}</Badge>}
            <Link to="/acronis/add-product">
              <Button size="small" variant="secondary">
                Add product to customer
              </Button>
            </Link>
          </div>
        </div>
        <div className="flex flex-col gap-y-1 px-6 py-4">
          {s ? (
            <>
              <Text size="small">Datacenter: {s.datacenter_url}</Text>
              <Text size="small">API client: {s.client_id}</Text>
              <Text size="small">Partner tenant: {s.root_tenant ? s.root_tenant.name : `unreachable (${s.error})`}</Text>
              <Text size="small">
                {s.plugin.name} {s.plugin.version}
              </Text>
              {s.mode === "sandbox" && (
                <Text size="small" className="text-ui-fg-subtle">
                  No Acronis credentials are set: orders are provisioned in the built-in Acronis sandbox.
                </Text>
              )}
            </>
          ) : (
            <Text size="small">Loading…</Text>
          )}
        </div>
      </Container>
      <Container className="p-0">
        <div className="px-6 py-4">
          <Heading level="h2">What customers can be given</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Editions: {catalogue.data?.catalogue.editions.map(editionLabel).join(", ") ?? "…"}
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Offering item</Table.HeaderCell>
              <Table.HeaderCell>Edition</Table.HeaderCell>
              <Table.HeaderCell>Storage</Table.HeaderCell>
              <Table.HeaderCell>Unit</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(catalogue.data ? catalogueRows(catalogue.data.catalogue) : []).map((row) => (
              <Table.Row key={row.key}>
                <Table.Cell>{row.item}</Table.Cell>
                <Table.Cell>{row.edition}</Table.Cell>
                <Table.Cell>{row.storage}</Table.Cell>
                <Table.Cell>{row.unit}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Acronis", icon: CloudArrowUp })

export default AcronisPage
