import type { TenantKind } from "../../../lib/acronis"
import type { AcronisCatalogue } from "../service"
import {
  ACRONIS_SERVICES,
  AcronisService,
  EditionMapping,
  FileSyncShareModel,
  ProtectionModel,
  SERVICE_APPLICATION_TYPES,
} from "./licensing"

export type OfferType = "ppu" | "contract" | "plan"

export type OfferCatalogueInput = {
  type: OfferType
  protection_models?: ProtectionModel[]
  file_sync_share_models?: FileSyncShareModel[]
  services?: AcronisService[]
  offering_items: { name: string; edition: string | null }[]
  unit_prices: Record<string, Record<string, number>>
}

export type CatalogueProblem = { path: string; message: string }

/** Contracts make the reseller a partner tenant; everything else is a customer tenant. */
export function tenantKindForOffer(type: OfferType): TenantKind {
  return type === "contract" ? "partner" : "customer"
}

/** The editions an offer enables: its licensing models' editions, through the merchant's mapping. */
export function editionsForOffer(offer: Pick<OfferCatalogueInput, "protection_models" | "file_sync_share_models">, mapping: EditionMapping) {
  return [
    ...(offer.protection_models ?? []).map((model) => mapping.protection[model]),
    ...(offer.file_sync_share_models ?? []).map((model) => mapping.file_sync_share[model]),
  ]
}

/**
 * Everything in an offer that the Acronis catalogue cannot honour, each with the field it concerns, so the
 * admin gets one answer naming every problem instead of a failed provisioning later. A licensing model whose
 * mapped edition the parent cannot give names the model, the edition and the option that maps it.
 */
export function findCatalogueProblems(offer: OfferCatalogueInput, catalogue: AcronisCatalogue, mapping: EditionMapping): CatalogueProblem[] {
  const problems: CatalogueProblem[] = []
  const who = catalogue.kind === "partner" ? "partners" : "customers"
  const has = (edition: string) => catalogue.editions.includes(edition)

  const checkModels = (field: "protection_models" | "file_sync_share_models", service: keyof EditionMapping) => {
    const byModel = mapping[service] as Record<string, string>
    offer[field]?.forEach((model, index) => {
      if (!has(byModel[model])) {
        problems.push({
          path: `${field}.${index}`,
          message:
            `no Acronis edition ${byModel[model]} is available for ${who} under this parent tenant ` +
            `(${model} maps to it through the plugin option editions.${service}.${model})`,
        })
      }
    })
  }
  checkModels("protection_models", "protection")
  checkModels("file_sync_share_models", "file_sync_share")

  const applicationTypeById = new Map(catalogue.applications.map((app) => [app.id, app.type]))
  const offeredApplicationTypes = new Set(catalogue.offering_items.map((item) => applicationTypeById.get(item.application_id)))
  offer.services?.forEach((service, index) => {
    if (!ACRONIS_SERVICES.includes(service) || !offeredApplicationTypes.has(SERVICE_APPLICATION_TYPES[service])) {
      problems.push({ path: `services.${index}`, message: `the service ${service} is not available for ${who}` })
    }
  })

  const offerEditions = offer.type === "ppu" ? editionsForOffer(offer, mapping) : undefined
  offer.offering_items.forEach((item, index) => {
    const known = catalogue.offering_items.filter((candidate) => candidate.name === item.name)
    if (!known.length) {
      problems.push({ path: `offering_items.${index}.name`, message: `"${item.name}" is not in the Acronis catalogue` })
      return
    }
    const edition = known[0].edition ?? null
    if (edition !== item.edition) {
      problems.push({
        path: `offering_items.${index}.edition`,
        message: `"${item.name}" has edition ${edition ?? "none"} in the Acronis catalogue, not ${item.edition ?? "none"}`,
      })
    } else if (offerEditions && edition && !offerEditions.includes(edition)) {
      problems.push({
        path: `offering_items.${index}.edition`,
        message: `"${item.name}" belongs to edition ${edition}, which none of the offer's licensing models uses`,
      })
    }
  })

  for (const name of Object.keys(offer.unit_prices)) {
    if (!catalogue.offering_items.some((item) => item.name === name)) {
      problems.push({ path: `unit_prices.${name}`, message: `"${name}" is not an offering item in the Acronis catalogue` })
    }
  }
  return problems
}
