import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminListAcronisSubscriptions, AdminResumeAcronisSubscription, AdminSuspendAcronisSubscription } from "./validators"

export const adminAcronisSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/subscriptions",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(AdminListAcronisSubscriptions, {})],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/suspend",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminSuspendAcronisSubscription)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/resume",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AdminResumeAcronisSubscription)],
  },
]
