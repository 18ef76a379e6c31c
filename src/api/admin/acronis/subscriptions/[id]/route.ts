import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { subscriptionDetailFields } from "../query-config"

const SUSPENDED_WARNING =
  "The Acronis tenant is disabled, not deleted: Acronis keeps its data and still bills the storage it uses while disabled. Delete the tenant in Acronis to stop the charges."

/** One subscription with its provisioning log (each step, run, time, outcome, Acronis status and code). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { data: [subscription] } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "acronis_subscription",
    fields: subscriptionDetailFields,
    filters: { id: req.params.id },
  })
  if (!subscription) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Acronis subscription ${req.params.id} does not exist.`)
  const { provisioning_logs: logs, ...rest } = subscription as typeof subscription & { provisioning_logs: { at: string | Date }[] }
  const provisioningLog = [...(logs ?? [])].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
  res.json({
    subscription: { ...rest, provisioning_log: provisioningLog },
    warnings: subscription.status === "suspended" ? [SUSPENDED_WARNING] : [],
  })
}
