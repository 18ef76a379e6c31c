import { type MiddlewareRoute } from "@medusajs/framework/http"
import { AcronisSubscriptionChange, AdminChangeAcronisDataLocation, AdminListAcronisSubscriptions, AdminResumeAcronisSubscription, AdminSuspendAcronisSubscription, AdminTerminateAcronisSubscription } from "./validators"
import { validateAcronisBody, validateAcronisQuery } from "../../../validate-request"
import { refuseDataLocationChange } from "./refuse-data-location-change"

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
    matcher: "/admin/acronis/subscriptions/:id/terminate",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminTerminateAcronisSubscription)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/changes",
    methods: ["POST"],
    middlewares: [refuseDataLocationChange("admin"), validateAcronisBody(AcronisSubscriptionChange)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/changes/preview",
    methods: ["POST"],
    middlewares: [refuseDataLocationChange("admin"), validateAcronisBody(AcronisSubscriptionChange)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/data-location",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminChangeAcronisDataLocation)],
  },
  {
    matcher: "/admin/acronis/subscriptions/:id/data-location/preview",
    methods: ["POST"],
    middlewares: [validateAcronisBody(AdminChangeAcronisDataLocation)],
  },
]
