import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCloseAcronisMonth, AdminGetAcronisUsage, AdminListAcronisMonthStatements } from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"

/** Usage billing: `/admin/acronis/billing/close`, a month's statements (JSON or CSV), and a subscription's usage and statements. */
export const adminAcronisBillingMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/acronis/billing/close", methods: ["POST"], middlewares: [validateAcronisBody(AdminCloseAcronisMonth)] },
  {
    matcher: "/admin/acronis/billing/statements",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminListAcronisMonthStatements, {})],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/usage",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminGetAcronisUsage, {})],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/usage/daily",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminGetAcronisUsage, {})],
  },
]
