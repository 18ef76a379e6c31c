import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminListAcronisSubscriptions } from "./validators"

export const adminAcronisSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/subscriptions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListAcronisSubscriptions, {})],
  },
]
