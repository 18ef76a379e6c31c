import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ACRONIS_MODULE } from "../../../../modules/acronis"
import AcronisModuleService from "../../../../modules/acronis/service"

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const acronis = req.scope.resolve<AcronisModuleService>(ACRONIS_MODULE)
  res.json({ status: await acronis.getStatus() })
}
