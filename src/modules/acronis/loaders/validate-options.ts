import { LoaderOptions } from "@medusajs/framework/types"
import { asValue } from "@medusajs/framework/awilix"
import { parseAcronisOptions } from "../options"

/** Refuses to boot on bad plugin options, before anything else of the plugin runs. */
export default async function validateOptionsLoader({ container, options }: LoaderOptions) {
  container.register("acronisOptions", asValue(parseAcronisOptions(options)))
}
