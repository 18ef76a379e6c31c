import { MiddlewareRoute, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminCloseAcronisMonth, AdminGetAcronisUsage } from "./validators"

/** Usage billing: `/admin/acronis/billing/close` and a subscription's usage and statements. */
export const adminAcronisBillingMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/acronis/billing/close", methods: ["POST"], middlewares: [validateAndTransformBody(AdminCloseAcronisMonth)] },
  {
    matcher: "/admin/acronis/subscriptions/:id/usage",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminGetAcronisUsage, {})],
  },
]
