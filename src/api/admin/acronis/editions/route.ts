import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import { describeEditionMapping } from "../../../../modules/acronis/domain/licensing"
import AcronisModuleService from "../../../../modules/acronis/service"

/**
 * Which Acronis edition each licensing model sells (the plugin option `editions`), and whether the root tenant
 * can give it to customers. Acronis unreachable: the mapping still answers, availability is null.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const acronis = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  const mapping = acronis.getEditionMapping()
  const customerEditions = await acronis.getCatalogue("customer").then(
    (catalogue) => catalogue.editions,
    () => null
  )
  res.json({ edition_mapping: mapping, licensing_models: describeEditionMapping(mapping, customerEditions) })
}
