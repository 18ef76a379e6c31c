import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACRONIS_BILLING_MODULE } from "../../../../../modules/acronis-billing"
import type AcronisBillingModuleService from "../../../../../modules/acronis-billing/service"
import { statementsCsv, type StatementForCsv } from "../../../../../modules/acronis-billing/domain/statements-csv"
import type { AdminListAcronisMonthStatementsType } from "../validators"

const lineFields = ["description", "offering_item", "quantity", "unit", "unit_price", "amount", "position"] as const

/**
 * A month's statements with their customer's name and e-mail, the subscription's service and their lines:
 * `{ statements, count, limit, offset }`, or with `format=csv` the whole month as a CSV download.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { period, format, limit, offset } = req.validatedQuery as AdminListAcronisMonthStatementsType
  const billing = req.scope.resolve<AcronisBillingModuleService>(ACRONIS_BILLING_MODULE)
  const [statements, count] = await billing.listAndCountAcronisStatements(
    { period },
    { relations: ["lines"], order: { created_at: "ASC" }, ...(format === "csv" ? { take: null } : { skip: offset, take: limit }) }
  )
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const subscriptionIds = [...new Set(statements.map((s) => s.subscription_id))]
  const customerIds = [...new Set(statements.map((s) => s.customer_id).filter((id): id is string => !!id))]
  const [{ data: subscriptions }, { data: customers }] = await Promise.all([
    subscriptionIds.length
      ? query.graph({ entity: "acronis_subscription", fields: ["id", "service_name", "email"], filters: { id: subscriptionIds } })
      : { data: [] as { id: string; service_name: string; email: string }[] },
    customerIds.length
      ? query.graph({ entity: "customer", fields: ["id", "first_name", "last_name", "company_name", "email"], filters: { id: customerIds } })
      : { data: [] as { id: string; first_name: string | null; last_name: string | null; company_name: string | null; email: string }[] },
  ])
  const subscriptionOf = new Map(subscriptions.map((s) => [s.id, s]))
  const customerOf = new Map(customers.map((c) => [c.id, c]))
  const views: StatementForCsv[] = statements.map((s) => {
    const customer = s.customer_id ? customerOf.get(s.customer_id) : undefined
    const subscription = subscriptionOf.get(s.subscription_id)
    return {
      id: s.id,
      period: s.period,
      status: s.status,
      currency_code: s.currency_code,
      total: s.total,
      hold_reason: s.hold_reason as StatementForCsv["hold_reason"],
      reconciliation: s.reconciliation as StatementForCsv["reconciliation"],
      order_id: s.order_id ?? null,
      draft_order_id: s.draft_order_id ?? null,
      customer: customer
        ? {
            name: [customer.first_name, customer.last_name].filter(Boolean).join(" ") || customer.company_name || customer.email || "",
            email: customer.email ?? "",
          }
        : null,
      subscription: { id: s.subscription_id, service_name: subscription?.service_name ?? "" },
      lines: [...(s.lines ?? [])]
        .sort((a, b) => a.position - b.position)
        .map((line) => Object.fromEntries(lineFields.filter((f) => f !== "position").map((f) => [f, line[f]])) as StatementForCsv["lines"][number]),
    }
  })
  if (format === "csv") {
    res.setHeader("Content-Type", "text/csv; charset=utf-8")
    res.setHeader("Content-Disposition", `attachment; filename="acronis-statements-${period}.csv"`)
    res.status(200).send(statementsCsv(views))
    return
  }
  res.json({ statements: views, count, limit, offset })
}
