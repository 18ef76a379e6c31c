import { type MiddlewareRoute } from "@medusajs/framework/http"
import { AcronisSubscriptionChange, AdminListAcronisSubscriptions, AdminResumeAcronisSubscription, AdminSuspendAcronisSubscription } from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"

export const adminAcronisSubscriptionMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/acronis/subscriptions",
    methods: ["GET"],
    middlewares: [validateAcronisQuery(AdminListAcronisSubscriptions, {})],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/suspend",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminSuspendAcronisSubscription)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/resume",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminResumeAcronisSubscription)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/changes",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AcronisSubscriptionChange)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/changes/preview",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AcronisSubscriptionChange)],
  },
]
