import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { provisionSubAccountTransactionId, provisionSubAccountWorkflow } from "../../../../../../../../workflows/reseller"
import { presentSubAccount } from "../../../../../../../../modules/reseller/account-number"

/**
 * Runs a sub-account's provisioning now and waits for it (e.g. after a failure recorded in
 * `provisioning_error`). Safe on an active sub-account: it finds the tenants it made before.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const { id, sub_account_id } = req.params
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const read = async () =>
    (await query.graph({ entity: "reseller_sub_account", fields: ["*"], filters: { id: sub_account_id, reseller_id: id } })).data[0]
  if (!(await read())) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sub-account "${sub_account_id}" of reseller "${id}" was not found.`)
  await provisionSubAccountWorkflow(req.scope).run({
    input: { sub_account_id },
    context: { transactionId: provisionSubAccountTransactionId(sub_account_id) },
  })
  res.json({ sub_account: presentSubAccount(await read()) })
}
