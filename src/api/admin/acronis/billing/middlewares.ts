import { MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCloseAcronisMonth, AdminGetAcronisUsage } from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"

/** Usage billing: `/admin/acronis/billing/close` and a subscription's usage and statements. */
export const adminAcronisBillingMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/acronis/billing/close", methods: ["POST"], middlewares: [validateAcronisBody(AdminCloseAcronisMonth)] },
  {
    matcher: "/admin/acronis/subscriptions/:id/usage",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminGetAcronisUsage, {})],
  },
]
