import {
  createApiKeysWorkflow,
  createCustomerGroupsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { acronisOfferSchema } from "../modules/acronis/domain/offer-schema"
import { upsertAcronisOfferWorkflow } from "../workflows/acronis-offer"
import { DEMO_PRODUCTS, DEMO_REGIONS } from "./demo-catalogue"

const SALES_CHANNEL = "Acronis Store"
const PUBLISHABLE_KEY = "Acronis Storefront"
const RESELLERS_GROUP = "resellers"

export type DemoSeedResult = { publishableKey: string; salesChannelId: string; productIds: string[] }

/**
 * The demo store: regions for the contract currencies, a sales channel with a publishable key, the
 * `resellers` customer group, the eleven Acronis products with their offers and two plain services. Finds
 * before it creates, so running it again changes nothing.
 */
export async function seedDemoStore(container: MedusaContainer): Promise<DemoSeedResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const { data: stores } = await query.graph({ entity: "store", fields: ["id", "supported_currencies.currency_code"] })
  const currencies = DEMO_REGIONS.map((region) => region.currency_code)
  const supported = (stores[0]?.supported_currencies ?? []).map((c: { currency_code: string } | null) => c?.currency_code)
  if (stores[0] && currencies.some((code) => !supported.includes(code))) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: stores[0].id },
        update: { supported_currencies: currencies.map((code, i) => ({ currency_code: code, is_default: i === 0 })) },
      },
    })
  }

  const { data: regions } = await query.graph({ entity: "region", fields: ["name"] })
  const missingRegions = DEMO_REGIONS.filter((region) => !regions.some((r) => r.name === region.name))
  // One at a time, in the list's order: a storefront that lists regions by creation shows the United States first.
  for (const region of missingRegions) {
    await createRegionsWorkflow(container).run({ input: { regions: [{ ...region, payment_providers: ["pp_system_default"] }] } })
  }

  const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { name: SALES_CHANNEL } })
  const salesChannelId =
    channels[0]?.id ??
    (await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: SALES_CHANNEL }] } }))
      .result[0].id

  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token"],
    filters: { title: PUBLISHABLE_KEY, type: "publishable" },
  })
  let key: { id: string; token: string } | undefined = keys[0]
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY, type: "publishable", created_by: "medusa-plugin-acronis seed" }] },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }

  const { data: groups } = await query.graph({ entity: "customer_group", fields: ["id"], filters: { name: RESELLERS_GROUP } })
  if (!groups.length) {
    await createCustomerGroupsWorkflow(container).run({
      input: { customersData: [{ name: RESELLERS_GROUP, created_by: "medusa-plugin-acronis seed" }] },
    })
  }

  const productIds: string[] = []
  for (const demo of DEMO_PRODUCTS) {
    const { data: found } = await query.graph({
      entity: "product",
      fields: ["id", "acronis_offer.id"],
      filters: { handle: demo.handle },
    })
    let product = found[0] as { id: string; acronis_offer?: { id: string } | null } | undefined
    if (!product) {
      // An Acronis service is a monthly subscription; a plain service is bought once.
      const option = demo.offer ? { title: "Subscription", value: "Monthly" } : { title: "Service", value: "One-off" }
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: demo.title,
              handle: demo.handle,
              description: demo.description,
              status: "published",
              sales_channels: [{ id: salesChannelId }],
              options: [{ title: option.title, values: [option.value] }],
              variants: [
                {
                  title: option.value,
                  options: { [option.title]: option.value },
                  manage_inventory: false,
                  prices: Object.entries(demo.prices).map(([currency_code, amount]) => ({ currency_code, amount })),
                },
              ],
            },
          ],
        },
      })
      product = result[0]
    }
    if (demo.offer && !product.acronis_offer) {
      await upsertAcronisOfferWorkflow(container).run({
        input: { product_id: product.id, offer: acronisOfferSchema.parse(demo.offer) },
      })
    }
    productIds.push(product.id)
  }

  return { publishableKey: key.token, salesChannelId, productIds }
}

/** `npm run seed` → `medusa exec ./src/scripts/seed-demo.ts`. */
export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const result = await seedDemoStore(container)
  logger.info(`Acronis demo catalogue ready: ${result.productIds.length} products in "${SALES_CHANNEL}".`)
  logger.info(`Publishable API key for the storefront: ${result.publishableKey}`)
}
