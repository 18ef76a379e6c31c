import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AcronisSubscriptionChange, AdminListAcronisSubscriptions, AdminResumeAcronisSubscription, AdminSuspendAcronisSubscription } from "./validators"

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
  {
    matcher: "/admin/acronis/subscriptions/:id/changes",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AcronisSubscriptionChange)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/changes/preview",
    methods: ["POST"],
    middlewares: [validateAndTransformBody(AcronisSubscriptionChange)],
  },
]
