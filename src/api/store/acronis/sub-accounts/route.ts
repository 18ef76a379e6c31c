import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSubAccountWorkflow } from "../../../../workflows/reseller"
import type { ResellerRequest } from "../reseller-context"
import { presentSubAccount, subAccountFields } from "./query-config"
import type { StoreCreateSubAccountType, StoreListSubAccountsType } from "./validators"

/** The reseller's own sub-accounts, newest first. */
export async function GET(req: ResellerRequest, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery as StoreListSubAccountsType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "reseller_sub_account",
    fields: subAccountFields,
    filters: { reseller_id: req.reseller.id, ...(status && { status }) },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ sub_accounts: data.map(presentSubAccount), count: metadata?.count ?? data.length, limit, offset })
}

/**
 * Creates a sub-account: 201 with it `pending` and account number "PENDING". Its Acronis tenant is created
 * in the background; poll `GET /store/acronis/sub-accounts/:id` until `status` is `active`.
 */
export async function POST(req: ResellerRequest<StoreCreateSubAccountType>, res: MedusaResponse) {
  const body = req.validatedBody
  const { result } = await createSubAccountWorkflow(req.scope).run({
    input: {
      ...body,
      reseller_id: req.reseller.id,
      notification_customer_id: body.notification_customer_id ?? req.auth_context.actor_id,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [subAccount] } = await query.graph({
    entity: "reseller_sub_account",
    fields: subAccountFields,
    filters: { id: result.id },
  })
  res.status(201).json({ sub_account: presentSubAccount(subAccount) })
}
